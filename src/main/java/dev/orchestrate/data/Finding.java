package dev.orchestrate.data;

import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The class of one sector and what supports it.
 *
 * @param found the stamp the sector carries, when it carries a valid one
 * @param differing how many bytes differ from the expected sector (0 for intact)
 * @param firstDifference the first differing byte within the sector, or -1
 */
public record Finding(SectorClass kind, Stamp found, int differing, int firstDifference) {

    /**
     * What is there, relative to {@code expected}: "zeros", "sector of file-2.bin offset 8,192",
     * "generation 1, expected 2"; {@code files} names a file id.
     */
    public String describe(Stamp expected, IntFunction<String> files) {
        return switch (kind) {
            case INTACT -> "intact";
            case MISSING -> "nothing: the file is shorter, or no device block holds this range";
            case EXTRA -> "bytes past the end the file should have";
            case ZEROS -> "zeros";
            case FOREIGN -> String.format(Locale.ROOT, "foreign data (no stamp; %d bytes differ)", differing);
            case DAMAGED -> String.format(Locale.ROOT, "damaged sector: %d bytes differ, first at byte %d of the sector",
                    differing, firstDifference);
            case MISPLACED -> String.format(Locale.ROOT, "sector of %s offset %,d", files.apply(found.fileId()), found.offset());
            case DUPLICATED -> String.format(Locale.ROOT, "copy of %s offset %,d, which is also intact at its own place",
                    files.apply(found.fileId()), found.offset());
            case STALE -> found.runId() != expected.runId()
                    ? String.format(Locale.ROOT, "sector of an earlier run (run %016x, file id %d offset %,d)",
                            found.runId(), found.fileId(), found.offset())
                    : String.format(Locale.ROOT, "generation %d, expected %d", found.generation(), expected.generation());
        };
    }
}
