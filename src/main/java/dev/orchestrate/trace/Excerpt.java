package dev.orchestrate.trace;

import dev.orchestrate.suite.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The commands that touched one device byte range, with where in each write the range starts:
 * the first step from "this range is damaged" to "this command damaged it".
 */
public final class Excerpt {

    private static final int MAX_LINES = 40;

    private Excerpt() {
    }

    /** Writes and destages overlapping {@code [start, end)}, and every flush, power cut, shutdown and fault around them. */
    public static String of(List<Record> records, long start, long end) {
        List<String> lines = new ArrayList<>();
        boolean written = false;
        for (Record r : records) {
            boolean overlaps = r.offset() < end && r.offset() + r.length() > start;
            String line = switch (r.op()) {
                case WRITE -> {
                    if (!overlaps) {
                        yield null;
                    }
                    written = true;
                    yield describe(r) + (r.offset() <= start ? String.format(Locale.ROOT, "; the range starts %s bytes into this command",
                            Size.grouped(start - r.offset())) : "");
                }
                case DESTAGE -> overlaps ? describe(r) + " (" + r.cause() + ")" : null;
                case FSYNC, POWER_CUT, SHUTDOWN -> written ? describe(r) : null;
                case FAULT, STEP -> describe(r) + ": " + r.cause();
                default -> null;
            };
            if (line != null) {
                lines.add(line);
            }
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "commands that touched device bytes %s..%s%n%n",
                Size.grouped(start), Size.grouped(end - 1)));
        if (!written) {
            out.append("no write command ever covered these bytes: the data never reached the device\n\n");
        }
        lines.stream().limit(MAX_LINES).forEach(l -> out.append(l).append('\n'));
        if (lines.size() > MAX_LINES) {
            out.append("... ").append(lines.size() - MAX_LINES).append(" more\n");
        }
        return out.toString();
    }

    private static String describe(Record r) {
        String result = r.result() == 0 ? "" : " -> error " + r.result();
        return String.format(Locale.ROOT, "#%d %8.3f s %-9s offset %s length %s%s", r.seq(), r.nanos() / 1e9, r.op().label(),
                Size.grouped(r.offset()), Size.grouped(r.length()), result);
    }
}
