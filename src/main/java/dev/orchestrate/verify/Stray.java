package dev.orchestrate.verify;

import dev.orchestrate.data.SectorClass;
import dev.orchestrate.data.Stamp;
import dev.orchestrate.suite.Size;

/**
 * Consecutive sectors of this run found outside every file's own place, carrying consecutive
 * offsets of one file: device bytes {@code start} to {@code end}.
 *
 * @param kind duplicated (its own place holds it too), misplaced (it does not, or is unknown), or
 *     stale (an older generation than the file now has: blocks a rewrite left behind)
 * @param first the stamp of the first sector
 * @param origin the LBA where the first sector belongs, or -1 when unknown
 * @param file the name of the file the sectors belong to
 * @param why what the class rests on
 */
public record Stray(long start, long end, int blockSize, SectorClass kind, Stamp first, long origin, String file, String why) {

    public long length() {
        return end - start;
    }

    /** How far from its own place the data lies, in bytes (positive: after it); 0 when the origin is unknown. */
    public long displacement() {
        return origin < 0 ? 0 : start - origin * blockSize;
    }

    /** "LBA 10,248..10,255: file-1.bin bytes 4,190,208..4,194,303 generation 1; its own place (LBA 10,240) does not hold it: misplaced". */
    public String describe() {
        return "LBA " + Size.grouped(start / blockSize) + ".." + Size.grouped((end - 1) / blockSize) + ": " + file + " bytes "
                + Size.grouped(first.offset()) + ".." + Size.grouped(first.offset() + length() - 1) + " generation " + first.generation()
                + "; " + why + ": " + kind.label();
    }
}
