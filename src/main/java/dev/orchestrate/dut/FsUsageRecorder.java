package dev.orchestrate.dut;

import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.process.Cancellation;
import dev.orchestrate.process.Command;
import dev.orchestrate.process.Outcome;
import dev.orchestrate.process.Runner;
import dev.orchestrate.process.Spawned;
import dev.orchestrate.suite.Key;
import dev.orchestrate.trace.DiskNodes;
import dev.orchestrate.trace.FsUsage;
import dev.orchestrate.trace.Op;
import dev.orchestrate.trace.Record;
import dev.orchestrate.trace.Timeline;
import dev.orchestrate.trace.TraceReader;
import dev.orchestrate.trace.TraceWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Mac's disk has no command log of its own, so its I/O during a cell is recorded with the system's
 * own tracer, {@code fs_usage -w -f diskio -f filesys}: every disk I/O and cache flush the BSD layer
 * issues, of every process, with the /dev node and block. The lines about the disk under test are
 * kept as they came in {@code fs_usage.txt} in the cell's directory; each step's start is marked with
 * the wall-clock time; the cell's command log is made from both ({@link FsUsage}, {@link Timeline})
 * whenever it is asked for and when the cell ends. A recording that cannot vouch for every command of
 * the disk (lost events, a failed I/O fs_usage names no device for, a line it cannot read) is kept
 * apart, as {@code command-log-incomplete.jsonl}, and says why, so no diagnosis rests on a log with a
 * hole in it.
 */
final class FsUsageRecorder {

    static final String KEY = "command-log";
    static final String RAW = "fs_usage.txt";
    static final String INCOMPLETE = "command-log-incomplete.jsonl";
    /** How long fs_usage may take to stop before it is killed. */
    private static final Duration STOP = Duration.ofSeconds(10);
    /** How long a log asked for waits for fs_usage, which prints late, to print past the moment it was asked. */
    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final int SHOWN = 5;

    /** The target key that turns the recording on, with its default for the kind. */
    static Key key(String fallback) {
        return Key.choice(KEY, fallback, List.of("fs-usage", "none"), "fs-usage: with a file system, each cell's I/O on the disk is"
                + " recorded with fs_usage -w -f diskio -f filesys into its command log, its steps marked (needs root, and the kernel"
                + " trace facility to itself: no other fs_usage, ktrace or Instruments recording meanwhile); it sees what the BSD layer"
                + " sends to the disk's /dev nodes, not the SCSI commands the driver sends, and nothing on the raw node, so a raw"
                + " target records nothing (tested only against recorded-style fs_usage output, never yet on a Mac);"
                + " none: no command log");
    }

    static Command command() {
        return Command.of(STOP, "fs_usage", "-w", "-f", "diskio", "-f", "filesys");
    }

    private final Path dir;
    private final Path raw;
    private final Clock clock;
    private final LocalDateTime start;
    /** The records of the recordings before a reboot that ended the process, and whether they were whole. */
    private final List<Record> before;
    private final boolean beforeWhole;
    private final List<Record> marks = new ArrayList<>();
    /** What the recorder itself knows is missing (a partition that moved). */
    private final List<String> notes = new ArrayList<>();
    private final BufferedWriter out;
    private volatile DiskNodes disk;
    private volatile LocalTime latest;
    private IOException failed;
    private Spawned spawned;
    private boolean stopped;
    private Optional<String> incomplete = Optional.empty();

    private FsUsageRecorder(Path dir, Path raw, DiskNodes disk, Clock clock, List<Record> before, boolean beforeWhole) throws IOException {
        this.dir = dir;
        this.raw = raw;
        this.disk = disk;
        this.clock = clock;
        this.start = LocalDateTime.now(clock);
        this.before = List.copyOf(before);
        this.beforeWhole = beforeWhole;
        this.out = Files.newBufferedWriter(raw, StandardCharsets.UTF_8);
        out.write("# " + command().display() + ", recording from " + start + " (local time); kept: the lines about " + disk.disk()
                + "\n# " + describe(disk) + "\n");
    }

    /**
     * Starts recording the disk's I/O for a cell through {@code runner}, which a dry run makes print the
     * command instead; {@code resumed}: the cell goes on after a reboot, and its log so far is kept.
     */
    static FsUsageRecorder start(Runner runner, Path dir, DiskNodes disk, Clock clock, boolean resumed) {
        try {
            Files.createDirectories(dir);
            List<Record> before = List.of();
            boolean whole = true;
            if (resumed) {
                Path kept = Files.exists(dir.resolve(CommandLogged.FILE)) ? dir.resolve(CommandLogged.FILE) : dir.resolve(INCOMPLETE);
                whole = !kept.endsWith(INCOMPLETE);
                before = Files.exists(kept) ? TraceReader.read(kept).records() : List.of();
            } else {
                Files.deleteIfExists(dir.resolve(CommandLogged.FILE));
                Files.deleteIfExists(dir.resolve(INCOMPLETE));
            }
            FsUsageRecorder recorder = new FsUsageRecorder(dir, freeName(dir, resumed), disk, clock, before, whole);
            recorder.spawned = runner.start(command(), recorder::line);
            return recorder;
        } catch (IOException e) {
            throw new RigBroken("cannot keep the recording of " + disk.disk() + "'s I/O in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** fs_usage.txt, or after a reboot fs_usage-2.txt, -3 ...: each recording counts its time from its own start. */
    private static Path freeName(Path dir, boolean resumed) {
        Path first = dir.resolve(RAW);
        for (int n = 2; resumed && Files.exists(first); n++) {
            first = dir.resolve("fs_usage-" + n + ".txt");
        }
        return first;
    }

    /** A line fs_usage printed: its time noted, and kept when it may concern the disk. */
    private void line(String line) {
        FsUsage.stamp(line).ifPresent(t -> latest = t);
        if (!FsUsage.kept(line, disk)) {
            return;
        }
        synchronized (out) {
            try {
                out.write(line);
                out.write('\n');
            } catch (IOException e) {
                failed = e;
            }
        }
    }

    /** Marks that a step begins now. */
    synchronized void markStep(String title) {
        requireRunning();
        marks.add(new Record(0, sinceStart(), Op.STEP, 0, 0, 0, title));
    }

    /** The cell's command log as recorded so far, once fs_usage has printed past this moment (or a moment passed). */
    synchronized Path commandLog() {
        requireRunning();
        settle();
        write();
        return dir.resolve(CommandLogged.FILE);
    }

    /** Why the log, as last written, may lack commands of the disk; empty when it is whole. */
    synchronized Optional<String> incomplete() {
        return incomplete;
    }

    /**
     * The disk was partitioned again during the cell: the new partitions place the rows from here on.
     * One that moved leaves the rows before and after it unplaceable with one map, and the log says so.
     */
    synchronized void repartitioned(DiskNodes now) {
        Map<String, DiskNodes.Span> partitions = new LinkedHashMap<>(disk.partitions());
        now.partitions().forEach((name, span) -> {
            DiskNodes.Span was = partitions.put(name, span);
            if (was != null && was.offset() != span.offset()) {
                notes.add(name + " moved during the cell, from byte " + was.offset() + " to " + span.offset()
                        + ": its rows before and after cannot be placed with one map");
            }
        });
        disk = new DiskNodes(disk.disk(), disk.blockSize(), partitions,
                Stream.concat(disk.containers().stream(), now.containers().stream()).collect(Collectors.toSet()));
    }

    /** Stops fs_usage and writes the log; fs_usage having ended by itself (not root, the trace facility busy) breaks the rig. */
    synchronized void close() {
        if (stopped) {
            return;
        }
        Optional<Outcome> early = spawned.ended();
        stopped = true;
        spawned.stop();
        write();
        early.filter(o -> !o.succeeded() && Cancellation.requested().isEmpty()).ifPresent(o -> {
            throw ended(o);
        });
    }

    private void requireRunning() {
        if (!stopped) {
            spawned.ended().filter(o -> !o.succeeded()).ifPresent(o -> {
                throw ended(o);
            });
        }
    }

    private RigBroken ended(Outcome outcome) {
        return new RigBroken("fs_usage, which records " + disk.disk() + "'s I/O for the cell's command log, ended by itself:\n"
                + outcome.describe() + "it needs root, and the kernel trace facility to itself (no other fs_usage, ktrace or Instruments"
                + " recording); set '" + KEY + ": none' in the target to run without the command log");
    }

    private void settle() {
        LocalTime asked = LocalTime.now(clock);
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (spawned.ended().isEmpty() && (latest == null || latest.isBefore(asked)) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The log from the recording so far and the marks, shifted to follow the records from before a reboot. */
    private void write() {
        try {
            String text;
            synchronized (out) {
                out.flush();
                if (failed != null) {
                    throw failed;
                }
                text = Files.readString(raw, StandardCharsets.UTF_8);
            }
            FsUsage.Parsed parsed = FsUsage.parse(text, disk, start);
            long shift = before.isEmpty() ? 0 : before.getLast().nanos() + 1;
            List<Record> log = new ArrayList<>(before);
            log.addAll(Timeline.merge(shifted(parsed.records(), shift), shifted(marks, shift), before.size() + 1));
            List<String> missing = new ArrayList<>(beforeWhole ? List.of() : List.of("the recording before the reboot was incomplete"));
            missing.addAll(notes);
            Stream.concat(parsed.gaps().stream(), parsed.problems().stream()).map(p -> raw.getFileName() + " " + p).forEach(missing::add);
            incomplete = missing.isEmpty() ? Optional.empty() : Optional.of(why(missing));
            Path kept = dir.resolve(missing.isEmpty() ? CommandLogged.FILE : INCOMPLETE);
            TraceWriter.write(kept, log);
            Files.deleteIfExists(dir.resolve(missing.isEmpty() ? INCOMPLETE : CommandLogged.FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the command log recorded in " + raw, e);
        }
    }

    private String why(List<String> missing) {
        return "fs_usage's recording of " + disk.disk() + " cannot vouch for every command the disk received: "
                + String.join("; ", missing.subList(0, Math.min(SHOWN, missing.size())))
                + (missing.size() > SHOWN ? " (and " + (missing.size() - SHOWN) + " more)" : "")
                + ". What it could read is in " + dir.resolve(INCOMPLETE) + ", the recording in " + raw;
    }

    private long sinceStart() {
        return Duration.between(start, LocalDateTime.now(clock)).toNanos();
    }

    private static List<Record> shifted(List<Record> records, long shift) {
        return records.stream().map(r -> new Record(r.seq(), r.nanos() + shift, r.op(), r.offset(), r.length(), r.result(), r.cause()))
                .toList();
    }

    private static String describe(DiskNodes disk) {
        return disk.disk() + ", " + disk.blockSize() + "-byte blocks; " + (disk.partitions().isEmpty() ? "no partitions"
                : disk.partitions().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " at byte " + e.getValue().offset() + " (" + e.getValue().size() + " bytes)")
                .collect(Collectors.joining(", "))) + "; stored on it: " + (disk.containers().isEmpty() ? "nothing"
                : String.join(", ", disk.containers().stream().sorted().toList()));
    }
}
