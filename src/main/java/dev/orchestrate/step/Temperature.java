package dev.orchestrate.step;

import dev.orchestrate.host.PageCache;
import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.report.Evidence;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/** How warm a source file is when its copy starts: the tool reads from the cache, from the disk, or pages still dirty. */
enum Temperature {
    /** As generated: in the host's page cache. */
    WARM,
    /** Flushed and dropped from the host's cache, so the tool reads it from the disk. */
    COLD,
    /** Written again just before the copy, its pages still dirty when the tool reads them. */
    FRESH;

    static Temperature of(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }

    void apply(CellContext.Source source, Evidence evidence) {
        try {
            switch (this) {
                case WARM -> {
                }
                case COLD -> {
                    try (FileChannel channel = FileChannel.open(source.path(), StandardOpenOption.WRITE)) {
                        channel.force(true);
                    }
                    PageCache.evict(source.path());
                }
                case FRESH -> source.file().writeTo(source.path(),
                        done -> evidence.progress("rewrite " + source.path().getFileName(), done, source.file().size()));
            }
        } catch (IOException e) {
            throw new RigBroken("cannot make the source " + source.path() + " " + name().toLowerCase(Locale.ROOT)
                    + ": " + e.getMessage(), e);
        }
    }
}
