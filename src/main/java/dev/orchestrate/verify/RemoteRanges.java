package dev.orchestrate.verify;

import dev.orchestrate.dut.TrustedHost;
import dev.orchestrate.process.Command;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads ranges of the disk through a trusted host: one {@code ssh ... dd} per window of up to
 * {@value #WINDOW} bytes, aligned to the device's blocks and never past the end of what is being
 * read, so a file's slice costs a few reads rather than one per MiB. A read that fails or times out
 * is an IOException naming the command and exit code, so the verify breaks the rig rather than
 * reporting missing data.
 */
final class RemoteRanges implements Ranges {

    static final int WINDOW = 32 << 20;

    private final TrustedHost host;
    private final int block;
    private final long end;
    private long windowStart;
    private byte[] window = new byte[0];

    /** @param end the device position where what this reader serves ends: no window reads past it */
    RemoteRanges(TrustedHost host, int block, long end) {
        this.host = host;
        this.block = block;
        this.end = end;
    }

    @Override
    public MemorySegment read(long position, int want) throws IOException {
        if (position < windowStart || position + want > windowStart + window.length) {
            long from = position / block * block;
            long upTo = Math.max(position + want, Math.min(end, from + WINDOW));
            long length = (upTo - from + block - 1) / block * block;
            window = run(host.read(from, length, block));
            windowStart = from;
        }
        int skip = (int) Math.min(position - windowStart, window.length);
        return MemorySegment.ofArray(window).asSlice(skip, Math.min(want, window.length - skip));
    }

    /** Output to a file, not a pipe: dd's blocks are binary, and a stalled host must not block the timeout. */
    private static byte[] run(Command command) throws IOException {
        Path out = Files.createTempFile("orchestrate-trusted-", ".bin");
        Path err = Files.createTempFile("orchestrate-trusted-", ".err");
        try {
            Process process = new ProcessBuilder(command.argv()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(command.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException("reading through the trusted host: '" + command.display() + "' took longer than "
                        + command.timeout().toSeconds() + " s and was killed; check that the host answers and the disk is there");
            }
            if (process.exitValue() != 0) {
                List<String> lines = Files.readAllLines(err).stream().filter(l -> !l.isBlank()).toList();
                throw new IOException("reading through the trusted host: '" + command.display() + "' exited with " + process.exitValue()
                        + ": " + (lines.isEmpty() ? "(no output)" : lines.getLast())
                        + "; check that ssh reaches the host without a password"
                        + " and that the disk is there");
            }
            return Files.readAllBytes(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading through the trusted host: " + command.display(), e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Override
    public void close() {
    }
}
