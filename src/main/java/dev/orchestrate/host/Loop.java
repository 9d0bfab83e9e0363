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

    /** The longest request a loop device takes on this kernel ({@code max_hw_sectors_kb}), as measured here. */
    public static final long MOST = 1280 * 1024;

    /** Attaches {@code file} as {@link #attach(Path, long)} does, with the queue's own limit. */
    public static Loop attach(Path file) {
        return attach(file, 0);
    }

    /**
     * Attaches {@code file} with direct I/O (no second page cache between the file system and the
     * controller) and sets the queue's request limit, which survives from earlier users of the same
     * device: to {@code maxTransfer} bytes, or back to the hardware's when 0. The kernel then splits
     * every request at that length, as macOS splits I/O at the maximum a driver publishes.
     */
    public static Loop attach(Path file, long maxTransfer) {
        String device = Processes.require(new Command(List.of("losetup", "--find", "--show", "--direct-io=on", file.toString()), TIMEOUT))
                .output().strip();
        Loop loop = new Loop(device);
        loop.limitRequests(maxTransfer);
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

    private void limitRequests(long maxTransfer) {
        Path queue = Path.of("/sys/block", Path.of(device).getFileName().toString(), "queue");
        String hardware;
        try {
            hardware = Files.readString(queue.resolve("max_hw_sectors_kb")).strip();
        } catch (IOException e) {
            if (maxTransfer > 0) {
                throw new RigBroken(device + " has no request limit to set (" + queue + "): the published maximum transfer cannot be"
                        + " applied", e);
            }
            // a kernel without these files keeps its defaults, which is what we want anyway
            return;
        }
        String wanted = maxTransfer > 0 ? String.valueOf(maxTransfer / 1024) : hardware;
        try {
            Files.writeString(queue.resolve("max_sectors_kb"), wanted);
        } catch (IOException e) {
            if (maxTransfer > 0) {
                throw new RigBroken("cannot set " + queue.resolve("max_sectors_kb") + " to " + wanted + ": " + e.getMessage(), e);
            }
        }
    }
}
