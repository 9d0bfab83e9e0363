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
     * Aborts FUSE connection {@code minor}. Mounts fusectl first if the host has not (systemd does
     * at boot) and leaves it mounted: unmounting it again would pull it from under another run on
     * this host aborting a connection of its own at the same moment.
     */
    public static synchronized void abort(long minor) {
        if (!Mounts.mounted(CONTROL)) {
            Mounts.mount("fusectl", CONTROL, "fusectl", "");
        }
        try {
            Files.writeString(CONTROL.resolve(Long.toString(minor)).resolve("abort"), "1");
        } catch (IOException e) {
            throw new RigBroken("cannot abort FUSE connection " + minor + ": " + e.getMessage(), e);
        }
    }
}
