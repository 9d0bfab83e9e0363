package dev.orchestrate.dut;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places cell regions one after another on a raw target. Every file slot has the same stride (the
 * largest file, rounded up to {@link #ALIGN}), so addresses are easy to read in a hex dump.
 *
 * @param regions the start of each cell's region, by cell ordinal
 * @param fileStride the distance between files of a cell
 * @param total the bytes the layout needs
 */
public record Layout(Map<Integer, Long> regions, long fileStride, long total) {

    public static final long ALIGN = 1 << 20;

    /** A cell's need: how many files, and the largest file size. */
    public record Need(int ordinal, int files, long largest) {

        /** At most what the cell's files hold together. */
        public long bytes() {
            return files * largest;
        }
    }

    public static Layout of(List<Need> needs) {
        long stride = ALIGN;
        for (Need n : needs) {
            stride = Math.max(stride, align(n.largest()));
        }
        Map<Integer, Long> regions = new LinkedHashMap<>();
        long next = 0;
        for (Need n : needs) {
            regions.put(n.ordinal(), next);
            next += n.files() * stride;
        }
        return new Layout(regions, stride, next);
    }

    /** Where the region of cell {@code ordinal} starts. */
    public long start(int ordinal) {
        Long start = regions.get(ordinal);
        if (start == null) {
            throw new IllegalArgumentException("cell " + ordinal + " of the matrix has no region in the layout; "
                    + "the layout was made for other cells");
        }
        return start;
    }

    /** Where file {@code index} (1-based) of cell {@code ordinal} starts. */
    public long fileOffset(int ordinal, int index) {
        return start(ordinal) + (index - 1) * fileStride;
    }

    /** Where the region of cell {@code ordinal} ends: where the next one starts, or the end of the layout. */
    public long end(int ordinal) {
        long start = start(ordinal);
        return regions.values().stream().mapToLong(Long::longValue).filter(r -> r > start).min().orElse(total);
    }

    private static long align(long bytes) {
        return (bytes + ALIGN - 1) / ALIGN * ALIGN;
    }
}
