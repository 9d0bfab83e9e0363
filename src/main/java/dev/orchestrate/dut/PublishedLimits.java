package dev.orchestrate.dut;

import dev.orchestrate.device.LimitCheck;
import dev.orchestrate.device.Limits;
import dev.orchestrate.host.Loop;
import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The transfer limits the emulated controller publishes, as a DriverKit SCSI controller reports
 * them with UserReportHBAConstraints, under their IORegistry names. The longest request they allow
 * becomes the loop device's request limit ({@code max_sectors_kb}), so the kernel splits longer
 * requests as macOS splits I/O for a DEXT. This kernel keeps a loop queue's {@code max_segments} and
 * {@code max_segment_size} read-only (measured), so the segment limits are applied through the
 * request length they allow: segments × segment size, where that is shorter.
 *
 * @param maxTransfer the longest request, in bytes
 */
record PublishedLimits(long maxTransfer, long segments, long segmentSize) {

    /** What the loop queue takes by default on this kernel (max_segments, max_segment_size), as measured. */
    private static final long DEFAULT_SEGMENTS = 128;
    private static final long DEFAULT_SEGMENT_SIZE = 64 * 1024;

    static final List<Key> KEYS = List.of(
            Key.optional("max-transfer", Key.Type.SIZE, null, "the maximum transfer the controller publishes (IOMaximumByteCountRead"
                    + " and -Write): the loop device's request limit is set to it, so the kernel splits longer requests; 4KiB to 1280KiB"
                    + " (the loop device's own limit, the default), a multiple of 4KiB. FUSE carries at most 1 MiB per command here"),
            Key.optional("max-segments", Key.Type.COUNT, null, "the segment count it publishes (IOMaximumSegmentCountRead and -Write;"
                    + " default 128); applied as the request length segments × segment size allows, where that is shorter"),
            Key.optional("max-segment-size", Key.Type.SIZE, null, "the segment size it publishes (IOMaximumSegmentByteCountRead and"
                    + " -Write; default 64KiB)"));

    static PublishedLimits of(Options o) {
        long segments = o.find("max-segments").map(v -> o.count("max-segments")).orElse(DEFAULT_SEGMENTS);
        long segmentSize = o.find("max-segment-size").map(v -> o.size("max-segment-size")).orElse(DEFAULT_SEGMENT_SIZE);
        long transfer = o.find("max-transfer").map(v -> o.size("max-transfer")).orElse(Loop.MOST);
        return new PublishedLimits(transfer, segments, segmentSize);
    }

    /** Whether the suite published anything, so the loop device's request limit changes. */
    static boolean given(Options o) {
        return KEYS.stream().anyMatch(k -> o.find(k.name()).isPresent());
    }

    /** What is wrong with the keys, each at its key. */
    static List<Problem> problems(Options o) {
        List<Problem> problems = new ArrayList<>();
        o.find("max-transfer").filter(v -> wrong(o.size("max-transfer"), Loop.MOST)).ifPresent(v -> problems.add(new Problem(v.at(),
                "max-transfer " + v.text() + ": the loop device takes a request limit of 4KiB to 1280KiB, a multiple of 4KiB")));
        o.find("max-segments").filter(v -> o.count("max-segments") < 1)
                .ifPresent(v -> problems.add(new Problem(v.at(), "max-segments must be at least 1")));
        o.find("max-segment-size").filter(v -> wrong(o.size("max-segment-size"), Long.MAX_VALUE)).ifPresent(v -> problems.add(
                new Problem(v.at(), "max-segment-size " + v.text() + ": at least 4KiB, a multiple of 4KiB")));
        return problems;
    }

    private static boolean wrong(long bytes, long most) {
        return bytes < 4096 || bytes > most || bytes % 4096 != 0;
    }

    /** The longest request the host may send: the published maximum, or what the segments can describe if less. */
    long request() {
        long described = Math.min(Loop.MOST, segments * segmentSize) / 4096 * 4096;
        return Math.max(4096, Math.min(maxTransfer, described));
    }

    /** The limits under their IORegistry names, as the limits check and a baseline read them. */
    Limits registry() {
        Map<String, Long> values = new LinkedHashMap<>();
        values.put(Limits.SEGMENT_COUNT_READ, segments);
        values.put(Limits.SEGMENT_COUNT_WRITE, segments);
        values.put(Limits.SEGMENT_BYTES_READ, segmentSize);
        values.put(Limits.SEGMENT_BYTES_WRITE, segmentSize);
        values.put(Limits.SEGMENT_ALIGNMENT, 512L);
        values.put(Limits.ADDRESS_BITS, 64L);
        values.put(Limits.HBA_ALIGNMENT_MASK, 511L);
        values.put(Limits.BYTES_READ, maxTransfer);
        values.put(Limits.BYTES_WRITE, maxTransfer);
        return new Limits(values);
    }

    /** The published limits, the request limit they come to, and what the limits check says of them. */
    String text() {
        StringBuilder out = new StringBuilder("limits the emulated controller publishes (as UserReportHBAConstraints reports them):\n");
        registry().values().forEach((key, value) -> out.append("  ").append(key).append(" = ").append(value).append('\n'));
        out.append("\nthe loop device's request limit (max_sectors_kb): ").append(request() / 1024).append(" KiB\n");
        List<String> problems = LimitCheck.problems(registry());
        out.append(problems.isEmpty() ? "\nlimits check: no problem\n" : "\nlimits check:\n");
        problems.forEach(p -> out.append("  ").append(p).append('\n'));
        return out.toString();
    }
}
