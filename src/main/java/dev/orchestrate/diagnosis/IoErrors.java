package dev.orchestrate.diagnosis;

import dev.orchestrate.suite.Size;
import dev.orchestrate.trace.Op;
import dev.orchestrate.trace.Record;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The device answered commands with an error: named with the first command that got one, and the step that sent it. */
final class IoErrors implements Rule {

    @Override
    public String name() {
        return "I/O errors";
    }

    @Override
    public Defect defect() {
        return Defect.IO_ERROR;
    }

    /** The defect is also named without a log, from a tool's error; the rule reads the log. */
    @Override
    public Set<Defect.Need> needs() {
        return EnumSet.of(Defect.Need.COMMAND_LOG);
    }

    @Override
    public Judgement judge(Correlation c) {
        List<Record> failed = c.commands().failed();
        if (failed.isEmpty()) {
            return Judgement.not("no command was answered with an error");
        }
        long where = c.located().stream().filter(l -> failed.stream()
                .anyMatch(f -> f.op() == Op.WRITE && CommandLog.covers(f, l.device()))).count();
        if (!c.located().isEmpty() && where == 0) {
            return Judgement.not(failed.size() + " commands failed, none of them a WRITE where the damage is");
        }
        int blockSize = c.damaged().isEmpty() ? 512 : c.facts().blockSize(c.damaged().getFirst());
        return Judgement.fired(finding(failed, c.commands(), blockSize, c.damaged().size()));
    }

    /** The finding for a command that failed with an I/O error, from the device's log; empty when the log shows none. */
    static Optional<Finding> of(List<Record> log, int blockSize) {
        CommandLog commands = new CommandLog(log);
        List<Record> failed = commands.failed();
        return failed.isEmpty() ? Optional.empty() : Optional.of(finding(failed, commands, blockSize, 0));
    }

    private static Finding finding(List<Record> failed, CommandLog log, int blockSize, long ranges) {
        Record first = failed.getFirst();
        String step = log.stepOf(first.seq()).map(s -> ", sent by step '" + s.cause() + "'").orElse("");
        return new Finding(Defect.IO_ERROR, String.format(Locale.ROOT, "the device answered %d %s with %s; the first: %s of %s bytes at "
                        + "LBA %s"
                        + " (command %s%s)", failed.size(), failed.size() == 1 ? "command" : "commands", errno(first.result()),
                first.op().name(), Size.grouped(first.length()), Size.grouped(first.offset() / blockSize), Size.grouped(first.seq()), step),
                ranges, ranges);
    }

    private static String errno(int result) {
        return switch (result) {
            case -5 -> "EIO (an I/O error)";
            case -28 -> "ENOSPC (no space)";
            case -30 -> "EROFS (read-only)";
            default -> "errno " + (-result);
        };
    }
}
