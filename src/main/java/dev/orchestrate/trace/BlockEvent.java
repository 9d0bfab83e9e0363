package dev.orchestrate.trace;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of the kernel's block tracepoints as tracefs prints them ({@code trace_pipe}): a request
 * issued to the driver, a request completed, or a marker written into the same stream. These are the
 * events blktrace records too; tracefs carries them where the kernel's lockdown refuses blktrace its
 * debugfs buffers. Sectors are 512 bytes whatever the device's block size, as the block layer counts.
 *
 * @param nanos the event's time on the monotonic clock (the clock of {@link System#nanoTime()})
 * @param rwbs the request's kind as the kernel spells it: R, W, D (discard), F (flush), N; a leading F is a preflush,
 *     a trailing F after the operation is FUA
 * @param error for a completion: 0 or the negative errno it ended with
 * @param text for a marker: what was written
 */
public record BlockEvent(Kind kind, long nanos, String rwbs, long sector, long sectors, int error, String text) {

    /** What the line records. */
    public enum Kind { ISSUE, COMPLETE, MARKER }

    /** Bytes per sector as the block layer counts them. */
    public static final int SECTOR = 512;

    // "  dd-5982  [001] .....  7250.594482: block_rq_issue: 7,0 WS 524288 () 0 + 1024 be,0,4 [dd]"
    private static final Pattern LINE = Pattern.compile("^.*?\\[\\d+\\]\\s+(?:\\S+\\s+)?(\\d+)\\.(\\d{1,9}):\\s+(\\w+):\\s?(.*)$");
    private static final Pattern ISSUE = Pattern.compile("^\\d+,\\d+ (\\S+) \\d+ \\([^)]*\\) (\\d+) \\+ (\\d+)(?: .*)?$");
    private static final Pattern COMPLETE = Pattern.compile("^\\d+,\\d+ (\\S+) \\([^)]*\\) (\\d+) \\+ (\\d+)(?: .*)? \\[(-?\\d+)\\]$");

    /** The event a line holds; empty for lines of other events and for the header tracefs prints before them. */
    public static Optional<BlockEvent> parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        long nanos = Long.parseLong(m.group(1)) * 1_000_000_000L + Long.parseLong((m.group(2) + "00000000").substring(0, 9));
        String body = m.group(4);
        return switch (m.group(3)) {
            case "block_rq_issue" -> request(ISSUE.matcher(body), Kind.ISSUE, nanos, false);
            case "block_rq_complete" -> request(COMPLETE.matcher(body), Kind.COMPLETE, nanos, true);
            case "tracing_mark_write" -> Optional.of(new BlockEvent(Kind.MARKER, nanos, "", 0, 0, 0, body.strip()));
            default -> Optional.empty();
        };
    }

    private static Optional<BlockEvent> request(Matcher m, Kind kind, long nanos, boolean completion) {
        if (!m.matches()) {
            return Optional.empty();
        }
        // a flush completes at sector -1 (all ones): it has no place on the device
        long sector = Long.parseUnsignedLong(m.group(2));
        return Optional.of(new BlockEvent(kind, nanos, m.group(1), sector == -1 ? 0 : sector, Long.parseLong(m.group(3)),
                completion ? Integer.parseInt(m.group(4)) : 0, ""));
    }

    /** Whether the request asks for a cache flush before its own operation (the leading F of "FWS"). */
    public boolean preflush() {
        return rwbs.length() > 1 && rwbs.charAt(0) == 'F' && "RWDFN".indexOf(rwbs.charAt(1)) >= 0;
    }

    /** The request's operation, R, W, D, F or N, past a preflush. */
    public char operation() {
        return rwbs.isEmpty() ? 'N' : rwbs.charAt(preflush() ? 1 : 0);
    }

    /** Whether the write must reach the media before it completes (the F after W in "WFS"). */
    public boolean fua() {
        int after = preflush() ? 2 : 1;
        return operation() == 'W' && rwbs.indexOf('F', after) == after;
    }

    public long offset() {
        return sector * SECTOR;
    }

    public long length() {
        return sectors * SECTOR;
    }
}
