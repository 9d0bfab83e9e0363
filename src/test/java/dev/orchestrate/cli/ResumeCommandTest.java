package dev.orchestrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrate.LeftBehind;
import dev.orchestrate.Privileged;
import dev.orchestrate.diagnosis.Defect;
import dev.orchestrate.engine.Journal;
import dev.orchestrate.engine.Manifest;
import dev.orchestrate.results.Summary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose emulated target ends the process at the reboot stops there (exit 4) and is finished
 * by {@code orchestrate resume}: "dd worked until a reboot", after which, without barriers and
 * with a controller that does not destage at shutdown, the file is gone.
 */
class ResumeCommandTest {

    private static final Path SUITE = Path.of("src/test/resources/emulated/resume.yaml");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int orchestrate(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @AfterEach
    void nothingOfThisProcessIsLeft() throws IOException {
        LeftBehind.assertNone(ProcessHandle.current().pid(), "this process");
    }

    /** Each cell reboots the host: the run stops at the control's reboot, the first resume at the faulted cell's, the second finishes. */
    @Test
    @Privileged
    void everyRebootStopsTheRunAndResumeFinishesItWithEachCellOnce() throws Exception {
        Path suite = Files.copy(SUITE, dir.resolve("resume.yaml"));
        assertEquals(Exit.AWAITING_RESUME, orchestrate("run", suite.toString(), "--no-html",
                        "--reports", dir.resolve("reports").toString()),
                out + "\n" + err);
        assertTrue(out.toString().contains("NOT FINISHED: the run stopped at the reboot at step 5 of cell fault=none"), out.toString());
        Path run = dir.resolve("reports/resume/latest").toRealPath();
        Journal.Log paused = Journal.read(run.resolve(Journal.FILE));
        assertEquals(new Journal.AwaitingResume(paused.awaiting().orElseThrow().at(), 0, "fault=none", 5, "reboot"),
                paused.awaiting().orElseThrow());
        assertEquals(Journal.sha256(suite), paused.started().sha256());
        assertTrue(Files.exists(cellDir(run, "000").resolve("media.img")), "the interrupted cell keeps its media image");
        assertEquals(List.of("awaiting-resume"), cellStatuses(run));
        assertEquals(List.of("skipped"), statuses(results(run)));

        assertEquals(Exit.AWAITING_RESUME, orchestrate("resume", run.toString(), "--no-html"), out + "\n" + err);
        assertTrue(out.toString().contains("NOT FINISHED: the run stopped at the reboot at step 5 of cell fault=no-teardown-flush"),
                out.toString());
        assertFalse(Files.exists(cellDir(run, "000").resolve("media.img")),
                "the control passed after the reboot, so its media image is gone");
        assertEquals(List.of("passed", "awaiting-resume"), cellStatuses(run));
        assertEquals(List.of("passed", "skipped"), statuses(results(run)));
        List<String> steps = steps(results(run).getFirst());
        assertEquals("reboot", steps.get(steps.indexOf("sync") + 1), steps.toString());
        assertTrue(steps.get(steps.indexOf("reboot") + 1).startsWith("resumed after the reboot at step 5"), steps.toString());
        assertTrue(steps.contains("verify"), steps.toString());

        assertEquals(Exit.FAILED, orchestrate("resume", run.toString(), "--no-html"), out + "\n" + err);
        assertTrue(out.toString().contains("FAILED  fault=no-teardown-flush: " + Defect.NO_DESTAGE_AT_RELEASE.category()
                + " — first bad byte at offset 0 of file-1.bin"), out.toString());
        assertTrue(out.toString().contains("found nothing: the file is absent from the volume"), out.toString());
        assertTrue(out.toString().contains("1 passed, 1 failed, 0 broken, 0 skipped"), out.toString());
        assertEquals(List.of("passed", "failed"), cellStatuses(run));
        assertFalse(Manifest.read(run.resolve(Manifest.FILE)).finished().isEmpty());
        assertEquals(List.of("passed", "failed"), statuses(results(run)));
        assertTrue(steps(results(run).get(1)).contains("verify"));
        assertTrue(Journal.read(run.resolve(Journal.FILE)).finished());
        String console = Files.readString(run.resolve(ConsoleLog.FILE));
        assertTrue(console.startsWith("orchestrate run resume ("), console);
        assertEquals(2, console.split("\norchestrate resume resume \\(", -1).length - 1,
                "each resume appends to the run's console: " + console);
        assertTrue(console.endsWith(out.toString()), "the terminal saw what the log holds: " + console);

        assertEquals(Exit.PASSED, orchestrate("resume", run.toString(), "--no-html"));
        assertTrue(out.toString().contains("is finished already; nothing to resume"), out.toString());
        assertEquals(2, results(run).size(), "a second resume changes nothing");
    }

    @Test
    @Privileged
    void aChangedSuiteIsNotResumed() throws Exception {
        Path suite = Files.copy(SUITE, dir.resolve("resume.yaml"));
        assertEquals(Exit.AWAITING_RESUME, orchestrate("run", suite.toString(), "--only", "fault=none", "--no-html",
                        "--reports", dir.resolve("reports").toString()),
                out + "\n" + err);
        Files.writeString(suite, Files.readString(suite).replace("size: 4MiB", "size: 8MiB"));
        Path run = dir.resolve("reports/resume/latest").toRealPath();
        assertEquals(Exit.BAD_INPUT, orchestrate("resume", run.toString(), "--no-html"));
        assertTrue(err.toString().contains("changed since the run began"), err.toString());
        assertTrue(err.toString().contains("first difference at line 14: was 'size: 4MiB', now 'size: 8MiB'"), err.toString());
    }

    /** A station's shard stopped at a reboot goes on with that shard only, still on that station. */
    @Test
    @Privileged
    void aResumeKeepsTheShardAndTheStation() throws Exception {
        Path suite = Files.copy(SUITE, dir.resolve("resume.yaml"));
        assertEquals(Exit.AWAITING_RESUME, orchestrate("run", suite.toString(), "--shard", "2/2", "--station", "lab-b", "--no-html",
                "--reports", dir.resolve("reports").toString()), out + "\n" + err);
        Path run = dir.resolve("reports/resume/latest").toRealPath();
        assertTrue(run.getFileName().toString().endsWith("_shard-2of2"), run.toString());
        assertEquals(Exit.FAILED, orchestrate("resume", run.toString(), "--no-html"), out + "\n" + err);
        assertTrue(out.toString().contains("then 0 more"), out.toString());
        Summary summary = Summary.read(run.resolve(Summary.FILE));
        assertEquals("2/2", summary.shard());
        assertEquals(List.of("fault=no-teardown-flush on lab-b"), summary.cells().stream().map(Summary.Cell::title).toList());
        assertEquals(List.of("failed"), statuses(results(run)));
    }

    @Test
    void aDirectoryWithoutAJournalOrWithADamagedOneIsBadInput() throws IOException {
        assertEquals(Exit.BAD_INPUT, orchestrate("resume", dir.toString()));
        assertTrue(err.toString().contains("no run journal (journal.jsonl)"), err.toString());
        Files.writeString(dir.resolve(Journal.FILE), """
                {"event":"run-started","at":"t","format":1,"runId":"01","suite":"s","suiteFile":"/s.yaml",\
                "sha256":"00","only":[],"target":"emulated"}
                {"event":"cell-started",
                {"event":"awaiting-resume","at":"t","ordinal":0,"cell":"c","step":2,"title":"reboot"}
                """);
        assertEquals(Exit.BAD_INPUT, orchestrate("resume", dir.toString()));
        assertTrue(err.toString().contains(Journal.FILE + ":2: not an orchestrate journal event"), err.toString());
    }

    /** The run killed while its reboot tears the device down leaves nothing that 'orchestrate cleanup' cannot tear down. */
    @Test
    @Privileged
    void aRunKilledAtTheRebootLeavesNothingCleanupCannotTearDown() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", SUITE.toString(), "--only", "fault=none", "--no-html",
                "--reports", dir.resolve("reports").toString())
                .redirectErrorStream(true).start();
        long pid = process.pid();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null && !line.strip().equals("reboot")) {
                // wait until the reboot begins
            }
            process.destroyForcibly();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the killed run ended");
        }
        assertEquals(Exit.PASSED, orchestrate("cleanup"), out.toString());
        LeftBehind.assertNone(pid, "cleanup after the killed run");
    }

    private static List<JsonNode> results(Path run) throws IOException {
        List<JsonNode> results = new ArrayList<>();
        try (Stream<Path> files = Files.list(run.resolve("allure-results"))) {
            for (Path f : files.filter(f -> f.toString().endsWith("-result.json")).toList()) {
                results.add(new ObjectMapper().readTree(f.toFile()));
            }
        }
        results.sort(Comparator.comparingLong(r -> r.path("start").asLong()));
        return results;
    }

    private static Path cellDir(Path run, String ordinal) throws IOException {
        try (Stream<Path> cells = Files.list(run.resolve("cells"))) {
            return cells.filter(c -> c.getFileName().toString().startsWith(ordinal)).findFirst().orElseThrow();
        }
    }

    private static List<String> cellStatuses(Path run) throws IOException {
        return Manifest.read(run.resolve(Manifest.FILE)).cells().stream().map(Manifest.CellRecord::status).toList();
    }

    private static List<String> steps(JsonNode result) {
        List<String> steps = new ArrayList<>();
        result.path("steps").forEach(s -> steps.add(s.path("name").asText()));
        return steps;
    }

    private static List<String> statuses(List<JsonNode> results) {
        return results.stream().map(r -> r.path("status").asText()).toList();
    }
}
