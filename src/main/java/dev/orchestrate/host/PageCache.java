package dev.orchestrate.host;

import dev.orchestrate.outcome.RigBroken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The host's page cache: dropping its clean pages, so the next read goes to the device. */
public final class PageCache {

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
}
