package dev.orchestrate.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.process.Command;
import dev.orchestrate.process.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The Allure side of a run directory: {@code allure-results/} with categories, environment and the
 * previous run's history, and {@code html/} generated offline by the Allure 2 command line that the
 * build unpacked next to the jar.
 */
public final class AllureReport {

    public static final String RESULTS = "allure-results";
    public static final String HTML = "html";
    public static final String SINGLE_FILE = "report.html";
    private static final Duration GENERATE_TIMEOUT = Duration.ofMinutes(5);
    private static final String QUICK_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    private final Path runDir;

    public AllureReport(Path runDir) {
        this.runDir = runDir;
    }

    public Path results() {
        return runDir.resolve(RESULTS);
    }

    public Path html() {
        return runDir.resolve(HTML);
    }

    /** The same report as one self-contained file, to open straight from disk or attach to a bug. */
    public Path singleFile() {
        return runDir.resolve(SINGLE_FILE);
    }

    /** Creates the results directory and carries over the history of {@code previousRun}, if there was one. */
    public void prepare(Path previousRun) throws IOException {
        Files.createDirectories(results());
        Path history = previousRun == null ? null : previousRun.resolve(HTML).resolve("history");
        if (history != null && Files.isDirectory(history)) {
            copyTree(history, results().resolve("history"));
        }
    }

    /**
     * The build this report belongs to: the one written already (a resumed run stays the build it
     * began as), else the one {@code processEnvironment} and {@code given} name, numbered locally
     * after the last build in the history carried over ({@link #prepare}).
     */
    public Executor executor(Map<String, String> processEnvironment, Executor.Given given) throws IOException {
        Path file = results().resolve(Executor.FILE);
        return Files.exists(file) ? Executor.read(file) : Executor.of(processEnvironment, given, runDir, lastBuildOrder());
    }

    /** The highest build number in the carried trend; its number of builds for a trend from before builds were numbered. */
    private long lastBuildOrder() throws IOException {
        Path trend = results().resolve("history").resolve("history-trend.json");
        if (!Files.isRegularFile(trend)) {
            return 0;
        }
        JsonNode builds = new ObjectMapper().readTree(trend.toFile());
        long highest = builds.valueStream().mapToLong(b -> b.path("buildOrder").asLong()).max().orElse(0);
        return highest > 0 ? highest : builds.size();
    }

    /** Failure categories by defect class, the environment table and the executor (the build), all read by the Allure report. */
    public void describe(Map<String, String> environment, Executor executor) throws IOException {
        executor.write(results().resolve(Executor.FILE));
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(results().resolve("categories.json").toFile(),
                Categories.all());
        Properties properties = new Properties();
        properties.putAll(environment);
        try (var out = Files.newBufferedWriter(results().resolve("environment.properties"))) {
            properties.store(out, "orchestrate run");
        }
    }

    /**
     * Joins the parts of a cell that a reboot split across processes into one test case: the part
     * before the reboot (reported as not finished) and the part the resume ran, found by their
     * common test case id (the cell's unique id). The joined case keeps the later part's verdict,
     * both parts' steps and attachments in order, and the first part's start.
     */
    public void joinResumedCells() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, List<Path>> byCase = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(results())) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-result.json")).sorted().toList()) {
                byCase.computeIfAbsent(json.readTree(file.toFile()).path("testCaseId").asText(), k -> new ArrayList<>()).add(file);
            }
        }
        for (List<Path> parts : byCase.values()) {
            if (parts.size() < 2) {
                continue;
            }
            List<ObjectNode> nodes = new ArrayList<>();
            for (Path part : parts) {
                nodes.add((ObjectNode) json.readTree(part.toFile()));
            }
            List<Integer> order = IntStream.range(0, parts.size()).boxed()
                    .sorted(Comparator.comparingLong(i -> nodes.get(i).path("start").asLong())).toList();
            var joined = nodes.get(order.getLast());
            var steps = json.createArrayNode();
            var attachments = json.createArrayNode();
            for (int i : order) {
                steps.addAll((ArrayNode) nodes.get(i).withArray("steps"));
                attachments.addAll((ArrayNode) nodes.get(i).withArray("attachments"));
            }
            joined.set("steps", steps);
            joined.set("attachments", attachments);
            joined.put("start", nodes.get(order.getFirst()).path("start").asLong());
            json.writeValue(parts.get(order.getLast()).toFile(), joined);
            for (int i : order.subList(0, order.size() - 1)) {
                Files.delete(parts.get(i));
            }
        }
    }

    /**
     * Generates {@code html/} (the full report, whose history the next run carries over) and
     * {@code report.html}; a failure breaks the rig, with Allure's own output.
     */
    public void generate(String reportName) {
        Path single = runDir.resolve("single-file");
        // both read allure-results and write their own directory: side by side they take the time of one
        try (ExecutorService both = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> full = both.submit(() -> allure(reportName, html(), false));
            Future<?> one = both.submit(() -> allure(reportName, single, true));
            await(full);
            await(one);
        }
        try {
            Files.move(single.resolve("index.html"), singleFile(), StandardCopyOption.REPLACE_EXISTING);
            Files.delete(single);
        } catch (IOException e) {
            throw new RigBroken("cannot move the single-file report into place: " + e.getMessage(), e);
        }
    }

    private static void await(Future<?> generation) {
        try {
            generation.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r
                    : new RigBroken("the Allure generation failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RigBroken("interrupted while the Allure report was generated", e);
        }
    }

    private void allure(String reportName, Path output, boolean singleFile) {
        Path script = commandLineHome().resolve("bin").resolve("allure");
        // a generation is a short JVM: C1 and the serial collector start it faster than the defaults; the user's ALLURE_OPTS
        // come after, and win
        String opts = (QUICK_JVM + " " + Objects.requireNonNullElse(System.getenv("ALLURE_OPTS"), "")).strip();
        List<String> argv = new ArrayList<>(List.of("env", "JAVA_HOME=" + System.getProperty("java.home"), "ALLURE_OPTS=" + opts,
                script.toString(),
                "generate", "--clean", "--name", reportName, "-o", output.toString()));
        if (singleFile) {
            argv.add("--single-file");
        }
        argv.add(results().toString());
        Processes.require(new Command(argv, GENERATE_TIMEOUT));
    }

    /** The unpacked Allure command line: {@code allure-commandline/allure-<version>} next to the jar or classes. */
    static Path commandLineHome() {
        try {
            Path code = Path.of(AllureReport.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path unpacked = code.getParent().resolve("allure-commandline");
            try (Stream<Path> dirs = Files.isDirectory(unpacked) ? Files.list(unpacked) : Stream.empty()) {
                return dirs.filter(d -> d.getFileName().toString().startsWith("allure-")).max(Comparator.naturalOrder())
                        .orElseThrow(() -> new RigBroken("the Allure command line is not in " + unpacked
                                + "; rebuild with 'mvn package' (it is unpacked from Maven Central at build time)"));
            }
        } catch (IOException | URISyntaxException e) {
            throw new RigBroken("cannot locate the Allure command line: " + e.getMessage(), e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
