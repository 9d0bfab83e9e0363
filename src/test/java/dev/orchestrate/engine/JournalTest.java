package dev.orchestrate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    @TempDir
    Path run;

    private void writeRunUpToAReboot() {
        try (Journal journal = Journal.open(run)) {
            journal.append(new Journal.RunStarted("t0", Journal.FORMAT, "00000000000000ab", "resume", "/suites/resume.yaml", "5e1f",
                    List.of("fault=none"), "emulated", "", Map.of("driver", "2.1.0-dext"), "2/3", List.of(Map.of("fault", "none"))));
            journal.append(new Journal.CellStarted("t1", 0, "fault=none"));
            journal.append(new Journal.StepCompleted("t2", 0, "fault=none", 1, "generate 1 file of 4MiB, generation 1"));
            journal.append(new Journal.CellFinished("t3", 0, "fault=none", "passed", ""));
            journal.append(new Journal.CellStarted("t4", 1, "fault=no-teardown-flush"));
            journal.append(new Journal.AwaitingResume("t5", 1, "fault=no-teardown-flush", 4, "reboot"));
        }
    }

    @Test
    void eventsReadBackInOrderAndSayWhereTheRunStopped() throws Exception {
        writeRunUpToAReboot();
        Journal.Log log = Journal.read(run.resolve(Journal.FILE));
        assertEquals(6, log.events().size());
        assertEquals("/suites/resume.yaml", log.started().suiteFile());
        assertEquals(List.of("fault=none"), log.started().only());
        assertEquals(Map.of("driver", "2.1.0-dext"), log.started().runLabels().values(), "a resume keeps the run's labels");
        assertEquals(new Shard(2, 3), log.started().runShard(), "and its shard");
        assertEquals(CellFilter.parse(List.of("fault=none")).picking(List.of(Map.of("fault", "none"))), log.started().runFilter(),
                "and the cells it picked (--rerun-failed)");
        assertEquals(new Journal.AwaitingResume("t5", 1, "fault=no-teardown-flush", 4, "reboot"), log.awaiting().orElseThrow());
        assertEquals("passed", log.finishedCells().get(0).status());
        assertFalse(log.finished());
        assertFalse(log.tornLastLine());
        assertTrue(Files.readAllLines(run.resolve(Journal.FILE)).get(5).startsWith("{\"event\":\"awaiting-resume\""));
    }

    @Test
    void aRunThatPicksNoCellsWritesNoCellsAndSelectsByItsOnlyTerms() throws Exception {
        try (Journal journal = Journal.open(run)) {
            journal.append(new Journal.RunStarted("t0", Journal.FORMAT, "00000000000000ab", "smoke", "/suites/smoke.yaml", "5e1f",
                    List.of("tool=cp"), "directory", "", Map.of(), "", null));
        }
        assertFalse(Files.readString(run.resolve(Journal.FILE)).contains("\"cells\""));
        assertEquals(CellFilter.parse(List.of("tool=cp")), Journal.read(run.resolve(Journal.FILE)).started().runFilter());
    }

    @Test
    void appendingAgainContinuesTheSameJournal() throws Exception {
        writeRunUpToAReboot();
        try (Journal journal = Journal.open(run)) {
            journal.append(new Journal.Resumed("t6", 1, "fault=no-teardown-flush", 4));
            journal.append(new Journal.RunFinished("t7"));
        }
        Journal.Log log = Journal.read(run.resolve(Journal.FILE));
        assertTrue(log.finished());
        assertTrue(log.awaiting().isEmpty());
    }

    @Test
    void aLastLineTornByAPowerCutIsLeftOut() throws Exception {
        writeRunUpToAReboot();
        Files.writeString(run.resolve(Journal.FILE), "{\"event\":\"step-compl", StandardOpenOption.APPEND);
        Journal.Log log = Journal.read(run.resolve(Journal.FILE));
        assertTrue(log.tornLastLine());
        assertEquals(6, log.events().size());
        assertTrue(log.awaiting().isPresent());
    }

    @Test
    void aBadLineBeforeTheLastIsRefusedByItsNumber() throws IOException {
        writeRunUpToAReboot();
        Path file = run.resolve(Journal.FILE);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(2, "{\"event\":\"step-completed\",\"ordinal\":0,");
        Files.write(file, lines);
        var e = assertThrows(Journal.Unreadable.class, () -> Journal.read(file));
        assertTrue(e.getMessage().startsWith(file + ":3: not an orchestrate journal event"), e.getMessage());
        assertTrue(e.getMessage().endsWith("the journal is damaged before its last line, so the run cannot be continued"), e.getMessage());
    }

    @Test
    void aFileThatIsNotAJournalIsRefusedAtLineOne() throws IOException {
        Path file = Files.writeString(run.resolve(Journal.FILE), "{\"seq\":1,\"op\":\"write\"}\n{\"seq\":2}\n");
        var e = assertThrows(Journal.Unreadable.class, () -> Journal.read(file));
        assertTrue(e.getMessage().startsWith(file + ":1: not an orchestrate journal event"), e.getMessage());
        Path empty = Files.writeString(run.resolve("empty.jsonl"), "");
        assertTrue(assertThrows(Journal.Unreadable.class, () -> Journal.read(empty)).getMessage().contains("empty"));
        Path cellEvent = Files.writeString(run.resolve("cell.jsonl"),
                "{\"event\":\"cell-started\",\"at\":\"t\",\"ordinal\":0,\"cell\":\"x\"}\n{}\n");
        assertTrue(assertThrows(Journal.Unreadable.class, () -> Journal.read(cellEvent)).getMessage().contains(":1: "));
    }
}
