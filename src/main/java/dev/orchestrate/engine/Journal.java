package dev.orchestrate.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run journal, {@code journal.jsonl} in the run directory: one JSON line per event, each
 * forced to the disk before the run goes on, so that after a reboot (or a power cut) the run can be
 * continued exactly where it stopped ({@code orchestrate resume}). See docs/journal.md.
 */
public final class Journal implements AutoCloseable {

    public static final String FILE = "journal.jsonl";
    public static final int FORMAT = 1;
    /** Beside the journal: the suite file as the run began, so that a resume can say what changed in it. */
    public static final String SUITE_COPY = "suite.yaml";
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** One event; {@code at} is when it happened (ISO-8601, UTC). */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "event")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = RunStarted.class, name = "run-started"),
            @JsonSubTypes.Type(value = CellStarted.class, name = "cell-started"),
            @JsonSubTypes.Type(value = StepCompleted.class, name = "step-completed"),
            @JsonSubTypes.Type(value = AwaitingResume.class, name = "awaiting-resume"),
            @JsonSubTypes.Type(value = Resumed.class, name = "resumed"),
            @JsonSubTypes.Type(value = CellFinished.class, name = "cell-finished"),
            @JsonSubTypes.Type(value = RunFinished.class, name = "run-finished"),
            @JsonSubTypes.Type(value = RunInterrupted.class, name = "run-interrupted")})
    public sealed interface Event
            permits RunStarted, CellStarted, StepCompleted, AwaitingResume, Resumed, CellFinished, RunFinished, RunInterrupted {
        String at();
    }

    /**
     * The first line: what the run is, so that it can be continued as it began.
     *
     * @param suiteFile the suite file, absolute
     * @param sha256 the suite file's SHA-256, hex
     * @param only the --only terms (axis=value)
     * @param target the target kind
     * @param targetFile the file whose target replaced the suite's (--target), absolute, or "" for the suite's own
     * @param labels the run's labels; empty (null in a journal from before labels) when it had none
     * @param shard the run's --shard, I/N; empty (null in a journal from before shards) for all selected cells
     * @param cells the axis values of the only cells the run selects (--rerun-failed); null, and not written, for every cell
     */
    public record RunStarted(String at, int format, String runId, String suite, String suiteFile, String sha256, List<String> only,
                             String target, String targetFile, Map<String, String> labels, String shard,
                             @JsonInclude(JsonInclude.Include.NON_NULL) List<Map<String, String>> cells) implements Event {

        public Labels runLabels() {
            return labels == null ? Labels.NONE : new Labels(labels);
        }

        public Shard runShard() {
            return Shard.parseOrAll(shard);
        }

        /** The cells the run selects: its --only terms, narrowed to {@code cells} where it has them. */
        public CellFilter runFilter() {
            CellFilter filter = CellFilter.parse(only);
            return cells == null ? filter : filter.picking(cells);
        }
    }

    public record CellStarted(String at, int ordinal, String cell) implements Event {
    }

    /** Step {@code step} (1 is the cell's first) of the cell completed. */
    public record StepCompleted(String at, int ordinal, String cell, int step, String title) implements Event {
    }

    /** The reboot at step {@code step} ended the process; the cell goes on with the step after it once resumed. */
    public record AwaitingResume(String at, int ordinal, String cell, int step, String title) implements Event {
    }

    /** A resume brought the cell's device back after the reboot at step {@code step}. */
    public record Resumed(String at, int ordinal, String cell, int step) implements Event {
    }

    /** @param status passed, failed, broken or skipped */
    public record CellFinished(String at, int ordinal, String cell, String status, String message) implements Event {
    }

    public record RunFinished(String at) implements Event {
    }

    /** {@code signal} stopped the run: the cell it interrupted finished as broken, the cells after it never started. */
    public record RunInterrupted(String at, String signal, int notRun) implements Event {
    }

    private final FileChannel channel;

    private Journal(FileChannel channel) {
        this.channel = channel;
    }

    /** Opens the journal of {@code runDir} for appending, creating it (and making its directory entry durable) if needed. */
    public static Journal open(Path runDir) {
        Path file = runDir.resolve(FILE);
        try {
            boolean created = Files.notExists(file);
            Journal journal = new Journal(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND));
            if (created) {
                // the file's name lives in the directory: only forcing the directory makes the new file survive a power cut
                try (FileChannel dir = FileChannel.open(runDir, StandardOpenOption.READ)) {
                    dir.force(true);
                }
            }
            return journal;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the run journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** Appends one event and forces it to the disk before returning. */
    public synchronized void append(Event event) {
        try {
            ByteBuffer line = ByteBuffer.wrap((JSON.writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8));
            while (line.hasRemaining()) {
                channel.write(line);
            }
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the run journal: " + e.getMessage(), e);
        }
    }

    public static String now() {
        return Instant.now().toString();
    }

    /** The SHA-256 of a file, hex: how a resume knows the suite is the one the run began with. */
    public static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the run journal: " + e.getMessage(), e);
        }
    }

    /** A journal that cannot be read: not orchestrate's, or damaged before its last line. */
    public static final class Unreadable extends Exception {
        public Unreadable(String message) {
            super(message);
        }
    }

    /**
     * Reads a journal. A last line that does not parse is a write torn by a power cut and is left
     * out ({@link Log#tornLastLine()}); any other bad line makes the journal unreadable, by its number.
     */
    public static Log read(Path file) throws Unreadable {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Unreadable(file + ": cannot read the run journal: " + e.getMessage());
        }
        List<Event> events = new ArrayList<>();
        boolean torn = false;
        for (int i = 0; i < lines.size(); i++) {
            try {
                Event event = JSON.readValue(lines.get(i), Event.class);
                if (i == 0 && !(event instanceof RunStarted s && s.format() == FORMAT)) {
                    throw new IOException("the first line must be a run-started event of format " + FORMAT);
                }
                events.add(event);
            } catch (IOException e) {
                if (i > 0 && i == lines.size() - 1) {
                    torn = true;
                } else {
                    throw new Unreadable(file + ":" + (i + 1) + ": not an orchestrate journal event ("
                            + e.getMessage().lines().findFirst().orElse("") + "); "
                            + (i == 0 ? "is this an orchestrate run directory?"
                                    : "the journal is damaged before its last line, so the run cannot be continued"));
                }
            }
        }
        if (events.isEmpty()) {
            throw new Unreadable(file + ": the run journal is empty; is this an orchestrate run directory?");
        }
        return new Log(List.copyOf(events), torn);
    }

    /** The events of a journal, in order, and what they add up to. */
    public record Log(List<Event> events, boolean tornLastLine) {

        public RunStarted started() {
            return (RunStarted) events.getFirst();
        }

        public boolean finished() {
            return events.stream().anyMatch(RunFinished.class::isInstance);
        }

        /** The reboot the run stopped at, when nothing came after it. */
        public Optional<AwaitingResume> awaiting() {
            return events.getLast() instanceof AwaitingResume a ? Optional.of(a) : Optional.empty();
        }

        /** How each finished cell ended, by ordinal. */
        public Map<Integer, CellFinished> finishedCells() {
            Map<Integer, CellFinished> cells = new LinkedHashMap<>();
            events.stream().filter(CellFinished.class::isInstance).map(CellFinished.class::cast).forEach(c -> cells.put(c.ordinal(), c));
            return cells;
        }

        /** How many steps each cell completed, by ordinal: a cell that failed, failed at the step after them. */
        public Map<Integer, Integer> stepsCompleted() {
            Map<Integer, Integer> steps = new LinkedHashMap<>();
            events.stream().filter(StepCompleted.class::isInstance).map(StepCompleted.class::cast)
                    .forEach(s -> steps.merge(s.ordinal(), s.step(), Math::max));
            return steps;
        }
    }
}
