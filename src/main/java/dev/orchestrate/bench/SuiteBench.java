package dev.orchestrate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrate.engine.Journal;
import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.process.Command;
import dev.orchestrate.process.Outcome;
import dev.orchestrate.process.Processes;
import dev.orchestrate.report.AllureReport;
import dev.orchestrate.suite.Cell;
import dev.orchestrate.suite.Step;
import dev.orchestrate.suite.Suite;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SequencedSet;
import java.util.stream.Stream;

/**
 * One suite run as a user runs it (a child {@code orchestrate run}, its report rendered after it),
 * with its wall time broken down per cell into the device's setup, each step kind and the teardown,
 * from the run's journal and the cells' Allure results; and the run's own time around the cells:
 * starting the JVM and discovering the cells, the manifest and summary after them, the report.
 */
public final class SuiteBench {

    private static final Duration TIMEOUT = Duration.ofHours(12);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param runExit the run's exit code
     * @param startup from starting the run's JVM to its first journal line
     * @param cellsWall from the first cell's start to the last one's end
     * @param after from the last cell's end to the run's exit: manifest, summary, expectations
     * @param report rendering {@code html/} and {@code report.html}
     * @param cells the cells that ran, in order
     * @param skipped the cells skipped, with the time the engine took to say so
     */
    public record Result(int runExit, Duration startup, Duration cellsWall, Duration after, Duration report,
                         List<CellTimes> cells, List<CellTimes> skipped) {

        public Duration total() {
            return startup.plus(cellsWall).plus(after).plus(report);
        }
    }

    private final Suite suite;
    private final List<String> runOptions;
    private final Path reports;
    private final PrintWriter out;

    /** {@code runOptions} go to {@code orchestrate run} as given (--only, --target ...). */
    public SuiteBench(Suite suite, List<String> runOptions, Path reports, PrintWriter out) {
        this.suite = suite;
        this.runOptions = List.copyOf(runOptions);
        this.reports = reports;
        this.out = out;
    }

    public Result run() throws IOException, Journal.Unreadable {
        List<String> argv = new ArrayList<>(List.of(ProcessHandle.current().info().command()
                        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "dev.orchestrate.cli.Main",
                "run", suite.file().toString(), "--no-html", "--reports", reports.toString()));
        argv.addAll(runOptions);
        out.printf("bench suite %s: orchestrate %s%n", suite.name(), String.join(" ", argv.subList(argv.indexOf("run"), argv.size())));
        out.flush();
        Instant started = Instant.now();
        Outcome run = Processes.run(new Command(argv, TIMEOUT));
        Instant ended = Instant.now();
        Path runDir = reports.resolve(suite.name()).resolve("latest");
        if (!Files.isRegularFile(runDir.resolve(Journal.FILE))) {
            throw new RigBroken("the run left no journal in " + runDir + "; its output ended: " + run.lastLine());
        }
        runDir = runDir.toRealPath();
        Journal.Log journal = Journal.read(runDir.resolve(Journal.FILE));
        long reportStart = System.nanoTime();
        new AllureReport(runDir).generate(suite.name() + " " + runDir.getFileName());
        Duration report = Duration.ofNanos(System.nanoTime() - reportStart);

        List<Journal.Event> events = journal.events();
        Instant first = events.stream().filter(Journal.CellStarted.class::isInstance).findFirst().map(e -> Instant.parse(e.at()))
                .orElse(Instant.parse(journal.started().at()));
        Instant last = events.reversed().stream().filter(Journal.CellFinished.class::isInstance).findFirst()
                .map(e -> Instant.parse(e.at())).orElse(first);
        List<CellTimes> ran = new ArrayList<>();
        List<CellTimes> skipped = new ArrayList<>();
        for (CellTimes cell : cells(runDir, journal)) {
            (cell.status().equals("skipped") ? skipped : ran).add(cell);
        }
        Result result = new Result(run.exitCode(), Duration.between(started, Instant.parse(journal.started().at())),
                Duration.between(first, last), Duration.between(last, ended), report, ran, skipped);
        print(result, runDir);
        return result;
    }

    /** Each cell's times, in the order of the matrix. */
    private List<CellTimes> cells(Path runDir, Journal.Log journal) throws IOException {
        Map<String, List<String>> completed = new HashMap<>();
        for (Journal.Event e : journal.events()) {
            if (e instanceof Journal.StepCompleted step) {
                completed.computeIfAbsent(step.cell(), c -> new ArrayList<>()).add(step.title());
            }
        }
        Map<String, JsonNode> results = new HashMap<>();
        try (Stream<Path> files = Files.list(runDir.resolve(AllureReport.RESULTS))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-result.json")).toList()) {
                JsonNode node = JSON.readTree(file.toFile());
                results.put(node.path("name").asText(), node);
            }
        }
        List<CellTimes> cells = new ArrayList<>();
        for (Cell cell : suite.cells()) {
            JsonNode result = results.get(cell.name());
            if (result != null) {
                cells.add(CellTimes.of(result, completed.getOrDefault(cell.name(), List.of()), kinds(cell)));
            }
        }
        return cells;
    }

    private List<String> kinds(Cell cell) {
        return suite.stepsFor(cell).stream().map(Step::kind).toList();
    }

    private void print(Result result, Path runDir) {
        SequencedSet<String> phases = new LinkedHashSet<>();
        phases.add(CellTimes.SET_UP);
        suite.cells().forEach(cell -> phases.addAll(kinds(cell)));
        phases.add(CellTimes.TEAR_DOWN);
        phases.add(CellTimes.BETWEEN);
        int width = Math.max(12, result.cells().stream().mapToInt(c -> c.cell().length()).max().orElse(0));
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", "seconds"));
        phases.forEach(p -> head.append(String.format(Locale.ROOT, " %9s", p)));
        out.println(head.append(String.format(Locale.ROOT, " %9s  %s", "total", "status")));
        Map<String, Long> sums = new HashMap<>();
        for (CellTimes cell : result.cells()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", cell.cell()));
            for (String phase : phases) {
                long ms = cell.millis().getOrDefault(phase, 0L);
                sums.merge(phase, ms, Long::sum);
                row.append(String.format(Locale.ROOT, " %9.2f", ms / 1000.0));
            }
            out.println(row.append(String.format(Locale.ROOT, " %9.2f  %s", cell.total() / 1000.0, cell.status())));
        }
        StringBuilder all = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", "all " + result.cells().size() + " cells"));
        phases.forEach(p -> all.append(String.format(Locale.ROOT, " %9.2f", sums.getOrDefault(p, 0L) / 1000.0)));
        out.println(all.append(String.format(Locale.ROOT, " %9.2f", result.cells().stream().mapToLong(CellTimes::total).sum() / 1000.0)));
        long skippedMs = result.skipped().stream().mapToLong(CellTimes::total).sum();
        out.printf(Locale.ROOT, "run of %s: %.1f s = JVM start and discovery %.1f + cells %.1f (of which %d skipped: %.1f)"
                        + " + manifest, summary and exit %.1f + report generation (html/ and report.html side by side) %.1f; run exit %d%n",
                runDir, seconds(result.total()), seconds(result.startup()), seconds(result.cellsWall()), result.skipped().size(),
                skippedMs / 1000.0, seconds(result.after()), seconds(result.report()), result.runExit());
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
