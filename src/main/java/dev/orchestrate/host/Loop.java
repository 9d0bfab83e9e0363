package dev.orchestrate.host;

import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.process.Command;
import dev.orchestrate.process.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A loop device this run attached; only such devices are ever written or detached. */
public record Loop(String device) {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RELEASE = Duration.ofSeconds(10);

    /**
     * Attaches {@code file} with direct I/O (no second page cache between the file system and the
     * controller) and resets the queue limits, which survive from earlier users of the same device.
     */
    public static Loop attach(Path file) {
        String device = Processes.require(new Command(List.of("losetup", "--find", "--show", "--direct-io=on", file.toString()), TIMEOUT))
                .output().strip();
        Loop loop = new Loop(device);
        loop.resetQueue();
        return loop;
    }

    /**
     * Detaches the device and waits until it lets go of its backing file. A file system that was
     * detached lazily (a power cut) may still hold the device; losetup then only marks it for
     * autoclear, and the FUSE mount under the file stays busy until the kernel really releases it.
     */
    public void detach() {
        Processes.require(new Command(List.of("losetup", "-d", device), TIMEOUT));
        Path backing = Path.of("/sys/block", Path.of(device).getFileName().toString(), "loop", "backing_file");
        long deadline = System.nanoTime() + RELEASE.toNanos();
        while (Files.exists(backing)) {
            if (System.nanoTime() > deadline) {
                throw new RigBroken(device + " is still bound to " + read(backing) + " " + RELEASE.toSeconds()
                        + " s after 'losetup -d': something still holds it open; see 'orchestrate cleanup'");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RigBroken("interrupted while waiting for " + device + " to be released", e);
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            return "its file";
        }
    }

    /** Drops the block device's own buffer cache. */
    public void flushBuffers() {
        Processes.require(new Command(List.of("blockdev", "--flushbufs", device), TIMEOUT));
    }

    private void resetQueue() {
        Path queue = Path.of("/sys/block", Path.of(device).getFileName().toString(), "queue");
        try {
            String hardware = Files.readString(queue.resolve("max_hw_sectors_kb")).strip();
            Files.writeString(queue.resolve("max_sectors_kb"), hardware);
        } catch (IOException e) {
            // a kernel without these files keeps its defaults, which is what we want anyway
        }
    }
}
