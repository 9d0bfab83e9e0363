package dev.orchestrate.verify;

import dev.orchestrate.data.SectorClass;
import dev.orchestrate.data.Stamp;
import dev.orchestrate.suite.Size;

/**
 * A run of consecutive sectors of one file with the same class.
 *
 * @param start first byte, as a file offset
 * @param end one past the last byte
 * @param lba the device block of {@code start}, or -1 when the file was written through a file system
 * @param found what the first sector of the range holds
 * @param expected what it should hold
 * @param stamp the stamp the first sector carries, when it carries a valid one (misplaced, stale); else null
 */
public record DamagedRange(String file, long start, long end, long lba, SectorClass kind, String found, String expected, Stamp stamp) {

    public long length() {
        return end - start;
    }

    /** "file-1.bin bytes 8,192..16,383 (LBA 2,064): zeros; expected file 1 offset 8,192 generation 1". */
    public String describe() {
        return file + " bytes " + Size.grouped(start) + ".." + Size.grouped(end - 1)
                + (lba >= 0 ? " (LBA " + Size.grouped(lba) + ")" : "") + ": " + found + "; expected " + expected;
    }
}
