package dev.orchestrate.results;

import dev.orchestrate.engine.Manifest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Summaries made by hand, with the cells a sign-off has to show, for the tests of the results and of the commands that read them. */
public final class RunFixture {

    private RunFixture() {
    }

    /**
     * A cell at {@code ordinal} with the axes {@code axes} ("tool=cp size=1MiB").
     *
     * @param expected what the suite expects of it, e.g. "failed with transfer-length (DRV-12)", or empty
     * @param asExpected whether it ended so; null when the suite expects nothing of it
     */
    public static Summary.Cell cell(int ordinal, String axes, String status, String defect, String expected, Boolean asExpected) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : axes.split(" ")) {
            values.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        String name = values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        return new Summary.Cell(ordinal, name, "", values, status, status.equals("passed") ? "" : status + " because of " + name, defect,
                defect.isEmpty() ? null : new Manifest.Damage("file-1.bin", 278_528, 279_072, 4096), 1000, null, expected, asExpected,
                Map.of());
    }

    /** A run of {@code suite} in {@code runDir}, labelled {@code labels}, that ended {@code verdict}. */
    public static Summary run(String suite, String runDir, String verdict, Map<String, String> labels, List<Summary.Cell> cells) {
        int passed = (int) cells.stream().filter(c -> c.status().equals("passed")).count();
        int known = (int) cells.stream().filter(c -> Boolean.TRUE.equals(c.asExpected())).count();
        int failed = (int) cells.stream().filter(c -> c.status().equals("failed")).count() - known;
        int broken = (int) cells.stream().filter(c -> c.status().equals("broken")).count();
        int skipped = (int) cells.stream().filter(c -> c.status().equals("skipped")).count();
        return new Summary(Summary.FORMAT, suite, "/suites/" + suite + ".yaml", "c".repeat(64), "00000000000000a" + cells.size() % 10,
                runDir, "2026-12-02T01:00:00.123Z", "2026-12-02T01:10:00Z", verdict, verdict.equals("passed") ? 0 : 1,
                new Summary.Counts(cells.size(), passed, failed, known, broken, skipped), labels, "",
                new Summary.Target("emulated", "emulated controller", Map.of("Kind", "emulated controller", "Max Transfer", "1048576")),
                cells);
    }
}
