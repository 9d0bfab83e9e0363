package dev.orchestrate.host;

import dev.orchestrate.outcome.RigBroken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Aborting a FUSE connection through fusectl: every pending and future request of that mount
 * fails at once, which is how a hung daemon is cut loose and how power is cut under the host.
 */
public final class FuseConnections {

    private static final Path CONTROL = Path.of("/sys/fs/fuse/connections");

    private FuseConnections() {
    }

    /**
     * The connection number of the FUSE mount at {@code mountPoint}. Take it while the daemon
     * answers: asking a hung daemon (stat) would hang the asker too.
     */
    public static long connection(Path mountPoint) {
        try {
            long dev = ((Number) Files.getAttribute(mountPoint, "unix:dev")).longValue();
            return (dev & 0xff) | ((dev >>> 12) & ~0xffL);
        } catch (IOException e) {
            throw new RigBroken("cannot find the FUSE connection of " + mountPoint + ": " + e.getMessage(), e);
        }
    }

    /**
     * Aborts FUSE connection {@code minor}, through the host's fusectl where it is mounted (systemd
     * mounts it at boot). Elsewhere fusectl is mounted for the moment at {@code spare}, a point of
     * this run's own (every mount of fusectl shows the same connections), and unmounted again: the
     * host is left as it was, and two runs aborting at once never unmount it from under each other.
     */
    public static void abort(long minor, Path spare) {
        if (Mounts.mounted(CONTROL)) {
            write(CONTROL, minor);
            return;
        }
        try {
            Files.createDirectories(spare);
        } catch (IOException e) {
            throw new RigBroken("cannot create " + spare + " to mount fusectl on: " + e.getMessage(), e);
        }
        Mounts.mount("fusectl", spare, "fusectl", "");
        try {
            write(spare, minor);
        } finally {
            Mounts.release(spare);
        }
    }

    private static void write(Path control, long minor) {
        try {
            Files.writeString(control.resolve(Long.toString(minor)).resolve("abort"), "1");
        } catch (IOException e) {
            throw new RigBroken("cannot abort FUSE connection " + minor + " through " + control + ": " + e.getMessage(), e);
        }
    }
}
