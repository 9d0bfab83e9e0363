package dev.orchestrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrate.Privileged;
import dev.orchestrate.report.AllureReport;
import dev.orchestrate.results.Summary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A night on two stations: each runs its shard of one suite, then one report and one summary are made of both. */
class ReportCommandTest {

    private static final String SUITE = """
            name: night
            target: {kind: emulated, size: 64MiB}
            matrix:
              oflag: [none, direct]
              bs: [256KiB, 1MiB]
            steps:
              - generate: {size: 8MiB}
              - copy:
                  tool: dd
                  block-size: ${bs}
                  oflag: ${oflag}
              - sync
              - verify
            """;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    private int execute(String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(out, true), args);
    }

    private static String label(JsonNode result, String name) {
        for (JsonNode label : result.path("labels")) {
            if (label.path("name").asText().equals(name)) {
                return label.path("value").asText();
            }
        }
        return "";
    }

    @Test
    @Privileged
    void twoStationsShardsMergeIntoOneReportWithEveryCellOnceWithItsStation() throws IOException {
        Path suite = Files.writeString(dir.resolve("night.yaml"), SUITE);
        assertEquals(Exit.PASSED, execute("run", suite.toString(), "--shard", "1/2", "--station", "lab-a", "--reports",
                dir.resolve("lab-a").toString(), "--no-html"), out.toString());
        assertEquals(Exit.PASSED, execute("run", suite.toString(), "--shard", "2/2", "--station", "lab-b", "--reports",
                dir.resolve("lab-b").toString(), "--no-html"), out.toString());
        Path runA = dir.resolve("lab-a/night/latest");
        assertTrue(runA.toRealPath().getFileName().toString().endsWith("_shard-1of2"), runA.toRealPath().toString());
        assertEquals("1/2", Summary.read(runA.resolve(Summary.FILE)).shard());

        Path merged = dir.resolve("merged");
        assertEquals(Exit.PASSED, execute("report", "--merge", runA.toString(), dir.resolve("lab-b/night/latest").toString(),
                "--out", merged.toString(), "--no-html"), out.toString());

        ObjectMapper json = new ObjectMapper();
        Map<String, String> stationByCell = new TreeMap<>();
        Set<String> historyIds = new HashSet<>();
        try (Stream<Path> files = Files.list(merged.resolve(AllureReport.RESULTS))) {
            for (Path file : files.filter(f -> f.toString().endsWith("-result.json")).toList()) {
                JsonNode result = json.readTree(file.toFile());
                assertEquals(null, stationByCell.put(result.path("name").asText(), label(result, "station")), "each cell once");
                historyIds.add(result.path("historyId").asText());
            }
        }
        Map<String, String> expected = Map.of("oflag=none bs=256KiB", "lab-a", "oflag=direct bs=256KiB", "lab-a",
                "oflag=none bs=1MiB", "lab-b", "oflag=direct bs=1MiB", "lab-b");
        assertEquals(new TreeMap<>(expected), stationByCell, "the shards are dealt out round robin in matrix order");
        assertEquals(4, historyIds.size(), historyIds.toString());

        Summary summary = Summary.read(merged.resolve(Summary.FILE));
        List<String> cells = new ArrayList<>();
        summary.cells().forEach(c -> cells.add(c.name() + " on " + c.station()));
        assertEquals(List.of("oflag=none bs=256KiB on lab-a", "oflag=none bs=1MiB on lab-b", "oflag=direct bs=256KiB on lab-a",
                "oflag=direct bs=1MiB on lab-b"), cells);
        assertEquals(new Summary.Counts(4, 4, 0, 0, 0, 0), summary.counts());
        assertEquals("passed", summary.verdict());
        assertEquals(Map.of(), summary.labels(), "the stations differ, so no station at the top");
        Path results = merged.resolve(AllureReport.RESULTS);
        assertTrue(Files.readString(results.resolve("environment.properties")).contains("station=lab-a, lab-b"));
        assertTrue(Files.exists(results.resolve("categories.json")));

        out.getBuffer().setLength(0);
        assertEquals(Exit.BAD_INPUT, execute("report", "--merge", runA.toString(), runA.toString(), "--out",
                dir.resolve("twice").toString()), out.toString());
        assertTrue(out.toString().contains(": merge the runs of different stations (--station) or of different shards (--shard)"),
                out.toString());
    }

    @Test
    void aBadShardOrStationIsBadInputSayingWhatToGive() {
        for (String shard : List.of("0/2", "3/2", "x")) {
            out.getBuffer().setLength(0);
            assertEquals(Exit.BAD_INPUT, execute("run", "suites/smoke.yaml", "--shard", shard), out.toString());
            assertTrue(out.toString().contains("--shard '" + shard + "' is not a shard: give I/N"), out.toString());
        }
        out.getBuffer().setLength(0);
        assertEquals(Exit.BAD_INPUT, execute("run", "suites/smoke.yaml", "--only", "tool=cp", "--shard", "4/4"), out.toString());
        assertTrue(out.toString().contains("--only tool=cp --shard 4/4 selects no cell of suites/smoke.yaml"), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(Exit.BAD_INPUT, execute("run", "suites/smoke.yaml", "--station", "lab-a,lab-b"), out.toString());
        assertTrue(out.toString().contains("--station 'lab-a,lab-b' is not a station name"), out.toString());
    }

    /** A run as a station's job leaves it, for the merge: a summary and its Allure results. */
    private Path run(String suite, String station) throws IOException {
        Path run = Files.createDirectories(dir.resolve(station).resolve(suite).resolve("2026-12-02_01-00-00"));
        Files.createDirectories(run.resolve(AllureReport.RESULTS));
        new Summary(1, suite, "", "", "00000000000000" + (station.equals("lab-a") ? "0a" : "0b"), run.toString(), "t0", "t1", "passed", 0,
                new Summary.Counts(0, 0, 0, 0, 0, 0), Map.of("station", station), "", new Summary.Target("emulated", "", Map.of()),
                List.of()).write(run.resolve(Summary.FILE));
        return run;
    }

    @Test
    void whatIsNotARunOrRunsOfDifferentSuitesOrAFullOutAreBadInput() throws IOException {
        assertEquals(Exit.BAD_INPUT, execute("report", "--merge", dir.resolve("nowhere").toString()), out.toString());
        assertTrue(out.toString().contains("nowhere: not a run directory"), out.toString());

        Path empty = Files.createDirectories(dir.resolve("empty"));
        out.getBuffer().setLength(0);
        assertEquals(Exit.BAD_INPUT, execute("report", "--merge", empty.toString()), out.toString());
        assertTrue(out.toString().contains("no summary.json there"), out.toString());

        out.getBuffer().setLength(0);
        assertEquals(Exit.BAD_INPUT, execute("report", "--merge", run("night", "lab-a").toString(), run("day", "lab-b").toString(),
                "--out", dir.resolve("merged").toString()), out.toString());
        assertTrue(out.toString().contains("is a run of 'day', ") && out.toString().contains("merge the runs of one suite file"),
                out.toString());

        out.getBuffer().setLength(0);
        assertEquals(Exit.BAD_INPUT, execute("report", "--merge", run("night", "lab-a").toString(), "--out", empty.getParent().toString()),
                out.toString());
        assertTrue(out.toString().contains("is not empty: give a new or empty directory"), out.toString());

        out.getBuffer().setLength(0);
        assertEquals(Exit.BAD_INPUT, execute("report", "--merge", run("night", "lab-a").toString(), "--history", empty.toString()),
                out.toString());
        assertTrue(out.toString().contains("--history " + empty + ": no html/ there"), out.toString());

        out.getBuffer().setLength(0);
        assertEquals(Exit.BAD_INPUT, execute("report"), out.toString());
        assertTrue(out.toString().contains("Missing required option: '--merge=RUN_DIR'"), out.toString());
    }
}
