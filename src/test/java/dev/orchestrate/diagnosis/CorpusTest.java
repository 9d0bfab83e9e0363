package dev.orchestrate.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.Installed;
import dev.orchestrate.LeftBehind;
import dev.orchestrate.Privileged;
import dev.orchestrate.SuiteResults;
import dev.orchestrate.engine.Catalog;
import dev.orchestrate.engine.Manifest;
import dev.orchestrate.outcome.Status;
import dev.orchestrate.suite.Cell;
import dev.orchestrate.suite.Expectation;
import dev.orchestrate.suite.Suite;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;

/**
 * The forensic corpus: every suite under {@code corpus/} run on the emulated controller, each
 * faulty cell held to the defect its suite expects and to the sector classes that defect leaves,
 * each control cell to a pass. Prints the table of detected, right class and right diagnosis per
 * defect (docs/diagnosis.md keeps a copy) and fails on anything below 100 % or any false alarm.
 */
@Privileged
class CorpusTest {

    /** The sector classes each defect leaves in the files, as the verdict names them; empty where no verify runs (the copy fails). */
    private static final Map<Defect, Set<String>> CLASSES = Map.ofEntries(
            Map.entry(Defect.TRANSFER_LENGTH, Set.of("zeros")),
            Map.entry(Defect.TORN_WRITE, Set.of("zeros", "stale")),
            Map.entry(Defect.MISDIRECTED, Set.of("misplaced")),
            Map.entry(Defect.AT_REST, Set.of("damaged")),
            Map.entry(Defect.FLUSH_DROPPED, Set.of("missing", "zeros")),
            Map.entry(Defect.NO_DESTAGE_AT_RELEASE, Set.of("missing", "zeros")),
            Map.entry(Defect.FLUSH_NOT_SENT, Set.of("missing", "zeros")),
            Map.entry(Defect.STALE_NOT_REWRITTEN, Set.of("stale")),
            Map.entry(Defect.NEVER_SYNCED, Set.of("missing", "zeros")),
            Map.entry(Defect.IO_ERROR, Set.of()));

    /** One corpus cell as it came out; {@code message} is what its report says, so that a wrong cell shows its evidence. */
    private record Row(String suite, String cell, Expectation expected, Status status, String defect, Set<String> classes,
                       String message) {

        /** Failed with a defect named: an unexpected pass is a failure of the run, not a detection. */
        boolean detected() {
            return status == Status.FAILED && !defect.isEmpty();
        }

        boolean rightClass() {
            Set<String> want = CLASSES.get(expected.defect().orElseThrow());
            return want.isEmpty() ? classes.isEmpty() : classes.stream().anyMatch(want::contains);
        }

        boolean rightDiagnosis() {
            return expected.defect().orElseThrow().label().equals(defect);
        }
    }

    @TempDir
    Path run;

    @AfterEach
    void nothingIsLeftBehind() throws IOException {
        LeftBehind.assertNone(ProcessHandle.current().pid(), "the corpus cells' teardown");
    }

    @Test
    void everyDefectIsDetectedWithItsClassAndDiagnosisAndNoControlFails() throws Exception {
        Installed.assume("the forensic corpus", "rsync", "tar");
        List<Row> rows = new ArrayList<>();
        for (Path file : suites()) {
            String name = file.getFileName().toString();
            Suite suite = Catalog.loader().load(file);
            Path dir = run.resolve(name.replace(".yaml", ""));
            Map<String, TestExecutionResult> results = SuiteResults.execute("corpus/" + name, dir);
            Map<String, Manifest.CellRecord> records = new LinkedHashMap<>();
            Manifest.read(dir.resolve(Manifest.FILE)).cells().forEach(c -> records.put(c.name(), c));
            for (Cell cell : suite.cells()) {
                Expectation expected = suite.expectation(cell).orElseThrow(() -> new AssertionError(name + ": cell " + cell.name()
                        + " has no expectation; every corpus cell must say what it should come to"));
                Manifest.CellRecord record = Objects.requireNonNull(records.get(cell.name()), cell.name());
                rows.add(new Row(name, cell.name(), expected, Status.of(results.get(cell.name())), record.defect(),
                        new TreeSet<>(record.sectors().keySet().stream().filter(k -> !k.equals("intact")).toList()),
                        Objects.requireNonNullElse(record.message(), "")));
            }
        }
        String table = table(rows);
        System.out.println(table);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "corpus.md"), table);
        List<String> wrong = rows.stream().filter(r -> r.expected().passes() ? r.status() != Status.PASSED
                : !r.detected() || !r.rightClass() || !r.rightDiagnosis())
                .map(r -> r.suite() + " " + r.cell() + ": " + r.status().label() + " " + r.defect() + " " + r.classes() + "\n  "
                        + r.message()).toList();
        assertEquals(List.of(), wrong, table);
        Set<Defect> covered = EnumSet.noneOf(Defect.class);
        rows.stream().filter(r -> !r.expected().passes()).forEach(r -> covered.add(r.expected().defect().orElseThrow()));
        assertEquals(CLASSES.keySet(), covered, "every defect the emulator can cause has cells in the corpus");
        assertTrue(rows.stream().filter(r -> !r.expected().passes())
                .collect(Collectors.groupingBy(r -> r.expected().defect().orElseThrow(), Collectors.counting()))
                .values().stream().allMatch(n -> n >= 2), "at least two cells per defect");
    }

    private static List<Path> suites() throws IOException, URISyntaxException {
        Path dir = Path.of(Objects.requireNonNull(CorpusTest.class.getClassLoader().getResource("corpus")).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /** The table in Markdown: one row per defect, then the controls. */
    private static String table(List<Row> rows) {
        StringBuilder out = new StringBuilder("| defect | cells | detected | right class | right diagnosis |\n|---|---|---|---|---|\n");
        for (Defect d : Defect.values()) {
            List<Row> of = rows.stream().filter(r -> r.expected().defect().filter(d::equals).isPresent()).toList();
            if (of.isEmpty()) {
                continue;
            }
            String classes = CLASSES.get(d).isEmpty() ? "n/a (the copy fails)"
                    : percent(of.stream().filter(Row::rightClass).count(), of.size());
            out.append("| ").append(d.label()).append(" | ").append(of.size()).append(" | ")
                    .append(percent(of.stream().filter(Row::detected).count(), of.size())).append(" | ").append(classes).append(" | ")
                    .append(percent(of.stream().filter(Row::rightDiagnosis).count(), of.size())).append(" |\n");
        }
        List<Row> controls = rows.stream().filter(r -> r.expected().passes()).toList();
        long alarms = controls.stream().filter(r -> r.status() != Status.PASSED).count();
        out.append("\ncontrols: ").append(controls.size()).append(" cells, ").append(alarms).append(" false alarms\n");
        return out.toString();
    }

    private static String percent(long n, long of) {
        return n + "/" + of + " (" + Math.round(100.0 * n / of) + " %)";
    }
}
