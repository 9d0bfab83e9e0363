package dev.orchestrate.tool;

import dev.orchestrate.process.Outcome;
import dev.orchestrate.verify.BadBlock;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * fio's verify output. fio logs each block that fails as one line naming the file, the block's
 * offset and its length: "crc32c: verify failed at file F offset 524288, length 131072 (requested
 * block: ...)" when the checksum fails, "verify: bad magic header 0, wanted acca at file F offset
 * 655360, length 131072 (...)" when the header itself is gone (verify.c, log_verify_failure and
 * verify_header). With continue_on_error=verify it goes on to the end and exits 0 however many
 * blocks failed; the job's summary then counts them ("errors : total=9, first_error=84/...") and
 * its first line gives the first error ("err=84").
 */
final class FioVerifyOutput implements CheckOutput {

    private static final Pattern BLOCK = Pattern.compile("^(?<says>\\S.*?)\\s*at file .+ offset (?<offset>\\d+), length (?<length>\\d+)");
    private static final Pattern ERRORS = Pattern.compile("^\\s*errors\\s*: total=(?<n>\\d+)|\\): err=\\s*(?<err>\\d+)");

    @Override
    public Optional<BadBlock> badBlock(String line) {
        Matcher m = BLOCK.matcher(line);
        return m.find() ? Optional.of(new BadBlock(Long.parseLong(m.group("offset")), Long.parseLong(m.group("length")), m.group("says")))
                : Optional.empty();
    }

    /** An exit code other than 0, or errors the summary counts even where no line named a block. */
    @Override
    public boolean failed(Outcome outcome) {
        return !outcome.succeeded() || outcome.output().lines().map(ERRORS::matcher).filter(Matcher::find)
                .anyMatch(m -> !"0".equals(m.group("n") != null ? m.group("n") : m.group("err")));
    }
}
