package dev.orchestrate.host;

import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.process.Command;
import dev.orchestrate.process.Outcome;
import dev.orchestrate.process.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The host's page cache: dropping clean pages, so the next read goes to the device. */
public final class PageCache {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private PageCache() {
    }

    /** Drops clean cached pages machine-wide (dirty pages stay: this is not a sync). Needs root. */
    public static void dropClean() {
        try {
            Files.writeString(Path.of("/proc/sys/vm/drop_caches"), "1");
        } catch (IOException e) {
            throw new RigBroken("cannot drop the page cache (/proc/sys/vm/drop_caches: " + e.getMessage() + "); purge needs root", e);
        }
    }

    /**
     * Drops one file's clean pages from the cache; flush it first. On Linux GNU dd does it for the
     * whole file (POSIX_FADV_DONTNEED) without root; macOS can only purge everything.
     */
    public static void evict(Path file) {
        boolean mac = Platform.current() == Platform.MACOS;
        Command command = mac ? Command.of(TIMEOUT, "purge")
                : Command.of(TIMEOUT, "dd", "if=" + file, "iflag=nocache", "count=0", "status=none");
        Outcome outcome = Processes.run(command);
        if (outcome.exitCode() != 0) {
            throw new RigBroken("cannot drop " + file + " from the page cache"
                    + (mac ? " (purge needs an administrator: run with sudo)" : "")
                    + "\n" + outcome.describe());
        }
    }
}
