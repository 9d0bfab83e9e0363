package dev.orchestrate.trace;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what {@code fs_usage -w -f diskio -f filesys} printed into command log records of one disk:
 * a pure function of the text, so a recording is read again the same way offline. What it rests on
 * is how fs_usage prints (system_cmds, {@code fs_usage.c}: {@code format_print}, {@code diskio_print}):
 *
 * <ul>
 *   <li>a row begins with the wall-clock time of its completion ({@code 14:02:11.402118}) and the
 *       call's name, and ends with the elapsed time, {@code W} when the thread waited, and
 *       {@code process.thread}; a process name may hold spaces;</li>
 *   <li>a disk I/O is {@code RdData}, {@code WrData}, {@code RdMeta}, {@code WrMeta}, {@code PgIn} or
 *       {@code PgOut} with its flags ({@code [A]} async, {@code [S]} sync, {@code N} no cache,
 *       {@code T2} a tier ...), then {@code D=0x} the block on the node, {@code B=0x} the bytes it
 *       moved and {@code /dev/} the node; a failed one prints {@code [errno]} instead of the bytes and
 *       the node, so it cannot be told to be the disk's;</li>
 *   <li>a cache flush is an {@code IOCTL} row, {@code <DKIOCSYNCHRONIZECACHE>} or
 *       {@code <DKIOCSYNCHRONIZE>  B=options} (0 a full flush, bit 2 a barrier only), each with its
 *       node; an unmap's extents are {@code TrimExtent} rows; none of these prints its result;</li>
 *   <li>{@code fs_usage: buffer overrun, events generated too quickly} (on stderr) when events were lost.</li>
 * </ul>
 *
 * A row that a terminal wrapped (it does not start with the time, and the row before it lacks its
 * end) is joined to that row. Lines starting with {@code #} are the recorder's notes. Every other line
 * is a row, or a problem named by its number; anything that means the log may lack the disk's
 * commands is a gap, so that no verdict rests on a log with a hole in it.
 */
public final class FsUsage {

    /**
     * The disk's commands in the order fs_usage printed them, each with its line's number as {@code seq}
     * and the nanoseconds since the recording started; the lines that could not be read; and why the
     * log may lack commands the disk received ({@code line N: ...} each).
     */
    public record Parsed(List<Record> records, List<String> problems, List<String> gaps) {

        public Parsed {
            records = List.copyOf(records);
            problems = List.copyOf(problems);
            gaps = List.copyOf(gaps);
        }

        /** Whether every line was read and nothing says a command of the disk is missing. */
        public boolean whole() {
            return problems.isEmpty() && gaps.isEmpty();
        }
    }

    /** How fs_usage announces that it lost events. */
    static final String OVERRUN = "fs_usage: buffer overrun";

    private static final Pattern ROW = Pattern.compile("(\\d{2}:\\d{2}:\\d{2}\\.\\d{6})\\s+(\\S+)(.*)");
    /** A row's end: the elapsed time, W or two spaces, process.thread. */
    private static final Pattern END = Pattern.compile(".*\\s\\d+\\.\\d{6}\\s.*\\.\\d+");
    private static final Pattern DISK_IO = Pattern.compile("(RdData|WrData|RdMeta|WrMeta|PgIn|PgOut)\\[[A-Z0-9]*]");
    private static final Pattern IO = Pattern.compile(
            "\\s*D=0x(\\p{XDigit}+)\\s*(?:B=0x(\\p{XDigit}+)\\s*(?:BC:\\S+\\s*)?/dev/(\\S+)|\\[\\s*(\\d+)]).*");
    private static final Pattern IOCTL = Pattern.compile("\\s*<(DKIOC\\w+)>\\s*(?:B=(\\d+)\\s*)?/dev/(\\S+).*");
    private static final Pattern TRIM = Pattern.compile("\\s*D=0x(\\p{XDigit}+)\\s*B=0x(\\p{XDigit}+)\\s*/dev/(\\S+).*");
    private static final Pattern NODE = Pattern.compile("/dev/(\\S+)");
    private static final long BARRIER = 2;
    private static final int SHOWN = 80;

    private FsUsage() {
    }

    /** Reads {@code text} for {@code disk}, its times counted from {@code start}, the local time the recording began. */
    public static Parsed parse(String text, DiskNodes disk, LocalDateTime start) {
        Reading reading = new Reading(disk, start);
        List<String> lines = text.lines().toList();
        Row pending = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int number = i + 1;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith(OVERRUN)) {
                reading.read(pending);
                pending = null;
                reading.gap(number, "fs_usage lost events (" + line.strip() + ")");
            } else if (ROW.matcher(line).lookingAt()) {
                reading.read(pending);
                pending = new Row(number, line);
            } else if (pending != null && !pending.ended()) {
                pending = pending.joined(line);
            } else {
                reading.problem(number, "not a row of fs_usage -w: '" + shown(line) + "'");
            }
        }
        reading.read(pending);
        return new Parsed(reading.records, reading.problems, reading.gaps);
    }

    /**
     * Whether a recorder keeps {@code line} to parse later: everything but the rows of other disks and
     * of calls that send nothing to a disk (which {@code -f filesys} prints for every process).
     */
    public static boolean kept(String line, DiskNodes disk) {
        Matcher row = ROW.matcher(line);
        if (!row.matches()) {
            return true;
        }
        if (call(row.group(2)) == Call.NONE) {
            return false;
        }
        Matcher node = NODE.matcher(row.group(3));
        return !node.find() || disk.kind(node.group(1)) != DiskNodes.Kind.ELSEWHERE;
    }

    /** The wall-clock time a row of fs_usage carries; empty for any other line. */
    public static Optional<LocalTime> stamp(String line) {
        Matcher row = ROW.matcher(line);
        return row.lookingAt() ? Optional.of(LocalTime.parse(row.group(1))) : Optional.empty();
    }

    private enum Call { DISK_IO, IOCTL, TRIM, NONE }

    private static Call call(String name) {
        if (DISK_IO.matcher(name).matches()) {
            return Call.DISK_IO;
        }
        return switch (name) {
            case "IOCTL" -> Call.IOCTL;
            case "TrimExtent" -> Call.TRIM;
            default -> Call.NONE;
        };
    }

    private static String shown(String line) {
        String s = line.strip();
        return s.length() <= SHOWN ? s : s.substring(0, SHOWN) + "...";
    }

    /** One row as printed, over one line or (wrapped) several. */
    private record Row(int number, String text) {

        boolean ended() {
            return END.matcher(text).matches();
        }

        /** A terminal wraps at a column, so the pieces join without a separator. */
        Row joined(String piece) {
            return new Row(number, text + piece);
        }
    }

    /** The state of one reading: what was read so far, and the date of the last row (fs_usage prints only the time). */
    private static final class Reading {

        private final DiskNodes disk;
        private final LocalDateTime start;
        private final List<Record> records = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();
        private final List<String> gaps = new ArrayList<>();
        private LocalDateTime last;

        Reading(DiskNodes disk, LocalDateTime start) {
            this.disk = disk;
            this.start = start;
            this.last = start;
        }

        void problem(int line, String what) {
            problems.add("line " + line + ": " + what);
        }

        void gap(int line, String what) {
            gaps.add("line " + line + ": " + what);
        }

        void read(Row row) {
            if (row == null) {
                return;
            }
            Matcher m = ROW.matcher(row.text());
            if (!m.matches()) {
                throw new IllegalStateException("a row that does not start as one: " + row.text());
            }
            long nanos = nanos(LocalTime.parse(m.group(1)));
            String name = m.group(2);
            Call call = call(name);
            if (call == Call.NONE) {
                return;
            }
            if (!row.ended()) {
                problem(row.number(), "a " + name + " row cut short (no elapsed time and process at its end): '" + shown(row.text()) + "'");
                return;
            }
            Matcher body = (call == Call.DISK_IO ? IO : call == Call.IOCTL ? IOCTL : TRIM).matcher(m.group(3));
            if (!body.matches()) {
                Matcher node = NODE.matcher(m.group(3));
                if (!node.find() || disk.kind(node.group(1)) != DiskNodes.Kind.ELSEWHERE) {
                    problem(row.number(), "a " + name + " row not as fs_usage -w prints one: '" + shown(row.text()) + "'");
                }
                return;
            }
            switch (call) {
                case DISK_IO -> diskIo(row.number(), nanos, name, body);
                case IOCTL -> ioctl(row.number(), nanos, body);
                default -> place(row.number(), nanos, Op.OTHER, "TrimExtent", body.group(3), hex(body.group(1)), hex(body.group(2)));
            }
        }

        private void diskIo(int line, long nanos, String name, Matcher body) {
            if (body.group(4) != null) {
                gap(line, name + " failed with errno " + body.group(4) + " and names no device (fs_usage prints a failed disk I/O"
                        + " without one): it may have been " + disk.disk() + "'s");
                return;
            }
            Op op = name.startsWith("Rd") || name.startsWith("PgIn") ? Op.READ : Op.WRITE;
            place(line, nanos, op, "", body.group(3), hex(body.group(1)), hex(body.group(2)));
        }

        private void ioctl(int line, long nanos, Matcher body) {
            String command = body.group(1);
            long options = body.group(2) == null ? 0 : Long.parseLong(body.group(2));
            switch (command) {
                // the extents follow as TrimExtent rows
                case "DKIOCUNMAP" -> { }
                case "DKIOCSYNCHRONIZECACHE" -> place(line, nanos, Op.FSYNC, "", body.group(3), -1, 0);
                case "DKIOCSYNCHRONIZE" -> place(line, nanos, options == 0 ? Op.FSYNC : Op.OTHER,
                        options == 0 ? "" : (options & BARRIER) != 0 ? "DKIOCSYNCHRONIZE barrier" : "DKIOCSYNCHRONIZE options " + options,
                        body.group(3), -1, 0);
                default -> place(line, nanos, Op.OTHER, command, body.group(3), -1, 0);
            }
        }

        /** A command on {@code node}, at {@code block} of it (or, at -1, one that moves no data), placed on the whole disk. */
        private void place(int line, long nanos, Op op, String cause, String node, long block, long bytes) {
            String what = (cause.isEmpty() ? op.name() : cause) + " on " + node;
            switch (disk.kind(node)) {
                case ELSEWHERE -> {
                    return;
                }
                case UNPLACED -> {
                    gap(line, what + ", which the disk map does not place on " + disk.disk());
                    return;
                }
                case UNNAMED -> {
                    gap(line, what + ": fs_usage could not name the device, which may be " + disk.disk());
                    return;
                }
                default -> {
                }
            }
            if (block < 0) {
                records.add(new Record(line, nanos, op, 0, 0, 0, cause));
                return;
            }
            DiskNodes.Span span = disk.span(node).orElseThrow();
            long start = block * disk.blockSize();
            if (start + bytes > span.size()) {
                gap(line, what + " at block 0x" + Long.toHexString(block) + " ends beyond the partition's " + span.size() + " bytes: its"
                        + " blocks are not of " + disk.blockSize() + " bytes (a file system may have set another block size on the node)");
                return;
            }
            records.add(new Record(line, nanos, op, span.offset() + start, bytes, 0, cause));
        }

        /** Nanoseconds since the start; a time of day earlier than the last row's by more than half a day is on the next day. */
        private long nanos(LocalTime time) {
            LocalDateTime at = last.toLocalDate().atTime(time);
            if (at.isBefore(last.minusHours(12))) {
                at = at.plusDays(1);
            } else if (at.isAfter(last.plusHours(12))) {
                at = at.minusDays(1);
            }
            last = at;
            return Duration.between(start, at).toNanos();
        }

        private static long hex(String digits) {
            return Long.parseUnsignedLong(digits, 16);
        }
    }
}
