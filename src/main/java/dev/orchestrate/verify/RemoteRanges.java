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
 * Reads ranges of the disk through a trusted host: one {@code ssh ... dd} per range, aligned to the
 * device's blocks. A read that fails or times out is an IOException naming the command and exit
 * code, so the verify breaks the rig rather than reporting missing data.
 */
final class RemoteRanges implements Ranges {

    private final TrustedHost host;
    private final int block;

    RemoteRanges(TrustedHost host, int block) {
        this.host = host;
        this.block = block;
    }

    @Override
    public MemorySegment read(long position, int want) throws IOException {
        long from = position / block * block;
        long length = (position + want - from + block - 1) / block * block;
        byte[] got = run(host.read(from, length, block));
        int skip = (int) Math.min(position - from, got.length);
        return MemorySegment.ofArray(got).asSlice(skip, Math.min(want, got.length - skip));
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
