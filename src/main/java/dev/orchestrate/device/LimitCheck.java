package dev.orchestrate.device;

import static dev.orchestrate.device.Limits.ADDRESS_BITS;
import static dev.orchestrate.device.Limits.BYTES_READ;
import static dev.orchestrate.device.Limits.BYTES_WRITE;
import static dev.orchestrate.device.Limits.SEGMENT_ALIGNMENT;
import static dev.orchestrate.device.Limits.SEGMENT_BYTES_READ;
import static dev.orchestrate.device.Limits.SEGMENT_BYTES_WRITE;
import static dev.orchestrate.device.Limits.SEGMENT_COUNT_READ;
import static dev.orchestrate.device.Limits.SEGMENT_COUNT_WRITE;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks the limits a DriverKit SCSI controller publishes. The OS cuts every request by these
 * numbers; a limit that is missing or larger than the hardware takes lets it send commands the
 * controller cannot carry out (the LSI 3108 DEXT lost data from 1 MiB + 16 KiB into each 2 MiB write
 * until its maximum transfer was set to 1 MiB). Each problem is one sentence: the key, what is wrong, why it matters.
 */
public final class LimitCheck {

    private static final long PAGE = 4096;
    private static final long SMALLEST_SENSIBLE_TRANSFER = 128 * 1024;

    private LimitCheck() {
    }

    public static List<String> problems(Limits limits) {
        List<String> problems = new ArrayList<>();
        for (String key : Limits.CONTROLLER_KEYS) {
            if (limits.get(key) == null) {
                problems.add(key + " is missing on the controller: UserReportHBAConstraints requires all seven HBA limits, and"
                        + " without this one the OS splits I/O by its own defaults instead of what the controller can carry");
            }
        }
        for (String key : Limits.PERIPHERAL_KEYS) {
            if (limits.get(key) == null) {
                problems.add(key + " is missing on the peripheral: nothing bounds how large a command the OS may coalesce"
                        + " (2 MiB writes corrupted data at 1 MiB + 16 KiB on a controller that carried only 1 MiB)");
            }
        }
        for (String key : List.of(SEGMENT_COUNT_READ, SEGMENT_COUNT_WRITE, ADDRESS_BITS)) {
            positive(limits, key, problems);
        }
        for (String key : List.of(SEGMENT_BYTES_READ, SEGMENT_BYTES_WRITE)) {
            Long value = limits.get(key);
            if (value != null && Long.compareUnsigned(value, PAGE) < 0) {
                problems.add(key + " is " + value + " bytes, smaller than a 4 KiB page: no page of a buffer fits in one segment,"
                        + " so every request fails or is split below what any copy tool expects");
            }
        }
        for (String key : Limits.PERIPHERAL_KEYS) {
            Long value = limits.get(key);
            if (value != null && Long.compareUnsigned(value, SMALLEST_SENSIBLE_TRANSFER) < 0) {
                problems.add(key + " is " + value + " bytes, below 128 KiB: every copy is cut into many small commands;"
                        + " set it to the largest transfer the controller carries intact (measure it with a transfer-size sweep)");
            }
        }
        Long bits = limits.get(ADDRESS_BITS);
        if (bits != null && bits != 0 && (bits < 32 || bits > 64)) {
            problems.add(ADDRESS_BITS + " is " + bits + ": a DMA engine addresses 32 to 64 bits; buffers above what it"
                    + " claims are either bounced needlessly or handed to hardware that cannot reach them");
        }
        Long alignment = limits.get(SEGMENT_ALIGNMENT);
        if (alignment != null && Long.bitCount(alignment) != 1) {
            problems.add(SEGMENT_ALIGNMENT + " is " + alignment + ", not a power of two: segment addresses cannot be aligned to it");
        }
        coverage(limits, "read", BYTES_READ, SEGMENT_COUNT_READ, SEGMENT_BYTES_READ, problems);
        coverage(limits, "write", BYTES_WRITE, SEGMENT_COUNT_WRITE, SEGMENT_BYTES_WRITE, problems);
        return problems;
    }

    private static void positive(Limits limits, String key, List<String> problems) {
        if (Long.valueOf(0).equals(limits.get(key))) {
            problems.add(key + " is 0: the OS cannot build any request from it; the driver probably published it before computing it");
        }
    }

    /** The largest transfer must fit in the scatter/gather list the controller takes. */
    private static void coverage(Limits limits, String direction, String bytesKey, String countKey, String segmentKey,
                                 List<String> problems) {
        Long bytes = limits.get(bytesKey);
        Long count = limits.get(countKey);
        Long segment = limits.get(segmentKey);
        if (bytes == null || count == null || segment == null || count <= 0 || segment <= 0) {
            return;
        }
        long capacity;
        try {
            capacity = Math.multiplyExact(count, segment);
        } catch (ArithmeticException e) {
            return; // more than 2^63 bytes of segments covers any transfer
        }
        if (capacity < bytes) {
            problems.add(bytesKey + " is " + bytes + " bytes but " + countKey + " × " + segmentKey + " is only " + count + " × " + segment
                    + " = " + capacity + ": a fragmented " + direction + " of the maximum size cannot be described to the controller");
        }
    }
}
