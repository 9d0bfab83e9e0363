package dev.orchestrate.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.Installed;
import dev.orchestrate.LeftBehind;
import dev.orchestrate.Privileged;
import dev.orchestrate.SuiteResults;
import dev.orchestrate.diagnosis.Defect;
import dev.orchestrate.dut.Extent;
import dev.orchestrate.engine.Manifest;
import dev.orchestrate.outcome.DataDamaged;
import dev.orchestrate.outcome.Status;
import dev.orchestrate.trace.Fingerprint;
import dev.orchestrate.trace.LogFollower;
import dev.orchestrate.trace.Op;
import dev.orchestrate.trace.Record;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;

/**
 * Every Linux copy engine through a real file system onto the emulated controller: each passes
 * when the controller is sound, each fails when it mishandles long transfers, and their patterns
 * at the device differ.
 */
@Privileged
class ToolsOnTheEmulatorTest {

    /** What a lost tail is diagnosed as: which of them the evidence supports depends on the lengths the engine's writes came in. */
    private static final Set<Defect> LOST_TAIL = Set.of(Defect.TRANSFER_LENGTH, Defect.TORN_WRITE, Defect.TORN_OR_TRANSFER_LENGTH);

    /** The programs of the engines in tools.yaml and tools-fault.yaml beyond coreutils and tar. */
    private static final String[] ENGINES = {"rsync", "gio", "fio"};

    @TempDir
    Path run;

    private Map<String, TestExecutionResult> execute(String suite) {
        return SuiteResults.execute("emulated/" + suite + ".yaml", run);
    }

    private static String message(TestExecutionResult r) {
        return SuiteResults.message(r);
    }

    @AfterEach
    void nothingIsLeftBehind() throws IOException {
        LeftBehind.assertNone(ProcessHandle.current().pid(), "the cells' teardown");
    }

    @Test
    void everyEnginePassesOnASoundControllerWithAPatternOfItsOwn() throws IOException {
        Installed.assume("every engine on a sound controller", ENGINES);
        Map<String, TestExecutionResult> results = execute("tools");
        results.forEach((cell, r) -> {
            if (cell.equals("tool=finder")) {
                assertEquals(Status.SKIPPED, Status.of(r));
                assertEquals("finder: macOS only", message(r));
            } else {
                assertEquals(Status.PASSED, Status.of(r), cell + ": " + message(r));
            }
        });
        Map<String, List<Object>> signatures = new TreeMap<>();
        try (Stream<Path> logs = Files.walk(run)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().equals("command-log.jsonl")).toList()) {
                signatures.put(log.getParent().getFileName().toString(), signature(Fingerprint.of(new LogFollower(log))));
            }
        }
        assertEquals(13, signatures.size(), "a command log per cell that ran: " + signatures.keySet());
        Set<List<Object>> distinct = new HashSet<>(signatures.values());
        assertTrue(distinct.size() >= 8, "at least 8 distinct patterns among " + signatures);
    }

    /**
     * What a person sees first in a pattern, from the copy and the sync after it: the write sizes
     * that carry a tenth or more of the bytes, and how densely flushes come (log2 of fsync per MiB).
     */
    private static List<Object> signature(Fingerprint print) {
        List<Record> copy = print.phases().stream().filter(p -> p.title().startsWith("copy with") || p.title().equals("sync"))
                .flatMap(p -> p.records().stream()).toList();
        Map<Long, Long> bytes = copy.stream().filter(r -> r.op() == Op.WRITE)
                .collect(Collectors.groupingBy(r -> Long.highestOneBit(r.length()), Collectors.summingLong(Record::length)));
        long total = bytes.values().stream().mapToLong(Long::longValue).sum();
        Set<Long> sizes = bytes.entrySet().stream().filter(e -> e.getValue() * 10 >= total).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
        double fsyncPerMiB = copy.stream().filter(r -> r.op() == Op.FSYNC).count() / Math.max(1.0, total / (double) (1 << 20));
        return List.of(sizes, Math.round(Math.log(1 + fsyncPerMiB) / Math.log(2)));
    }

    @Test
    void aSparseSourceKeepsItsHolesOrItsZerosAndEitherIsIntact() throws IOException {
        Map<String, TestExecutionResult> results = execute("sparse");
        results.forEach((cell, r) -> assertEquals(Status.PASSED, Status.of(r), cell + ": " + message(r)));
        Map<String, Long> mapped = new TreeMap<>();
        for (var cell : Manifest.read(run.resolve(Manifest.FILE)).cells()) {
            mapped.put(cell.name(), cell.files().getFirst().extents().stream().mapToLong(Extent::length).sum());
        }
        assertEquals(Map.of("tool=cp", 3L << 20, "tool=cp-dense", 5L << 20, "tool=dd", 5L << 20), mapped,
                "cp leaves the two holes unallocated; the others write their zeros");
    }

    @Test
    void everyEngineFailsWhenLongTransfersLoseTheirTail() {
        Installed.assume("every engine under a transfer-limit fault", ENGINES);
        Map<String, TestExecutionResult> results = execute("tools-fault");
        assertEquals(13, results.size());
        results.forEach((cell, r) -> {
            assertEquals(Status.FAILED, Status.of(r), cell + ": " + message(r));
            assertTrue(LOST_TAIL.contains(((DataDamaged) r.getThrowable().orElseThrow()).defect()), cell + ": " + message(r));
        });
        // fio's own data: the blocks its check failed, read on the media, hold zeros from 4 KiB inside each of its writes
        assertTrue(message(results.get("tool=fio")).contains("found zeros, expected fio's data"), message(results.get("tool=fio")));
    }
}
