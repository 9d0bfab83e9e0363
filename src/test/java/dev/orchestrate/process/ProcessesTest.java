package dev.orchestrate.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.outcome.RigBroken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ProcessesTest {

    private static final Duration SHORT = Duration.ofSeconds(20);

    @Test
    void keepsExitCodeAndOutput() {
        Outcome o = Processes.run(Command.of(SHORT, "sh", "-c", "echo out; echo err >&2; exit 3"));
        assertEquals(3, o.exitCode());
        assertTrue(o.output().contains("out") && o.output().contains("err"), o.output());
        assertEquals("err", o.lastLine());
        assertTrue(o.describe().startsWith("$ sh -c 'echo out; echo err >&2; exit 3'\nexit code 3"), o.describe());
    }

    @Test
    void keepsOnlyTheTailOfLongOutput() {
        Outcome o = Processes.run(Command.of(SHORT, "sh", "-c", "head -c 100000 /dev/zero | tr '\\0' x; echo; echo last"));
        assertTrue(o.output().length() < 20_000);
        assertTrue(o.output().startsWith("[... "), o.output().substring(0, 40));
        assertEquals("last", o.lastLine());
    }

    @Test
    void aCommandWhoseOutputIsDataKeepsAllOfIt() {
        Outcome out = Processes.read(Command.of(Duration.ofSeconds(10), "seq", "1", "100000"));
        assertEquals(100_000, out.output().lines().count());
        assertTrue(out.output().startsWith("1\n2\n"), out.output().substring(0, 20));
    }

    @Test
    void aWatchedCommandStopsOnceItsReaderHasEnough() {
        List<String> seen = new ArrayList<>();
        long start = System.nanoTime();
        Outcome o = Processes.watch(Command.of(SHORT, "sh", "-c", "i=0; while true; do echo line $i; i=$((i+1)); sleep 0.01; done"),
                line -> seen.add(line) && line.equals("line 5"));
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "stopped promptly");
        assertEquals(List.of("line 0", "line 1", "line 2", "line 3", "line 4", "line 5"), seen, "no line after enough");
        assertTrue(o.output().startsWith("line 0\n"), o.output());
        assertTrue(o.exitCode() != 0, "killed: " + o.exitCode());
    }

    @Test
    void aWatchedCommandThatEndsTellsItsLastLineWithoutANewline() {
        List<String> seen = new ArrayList<>();
        Outcome o = Processes.watch(Command.of(SHORT, "printf", "a\\nb"), line -> !seen.add(line));
        assertEquals(List.of("a", "b"), seen);
        assertEquals(0, o.exitCode());
    }

    @Test
    void aCommandThatOutlivesItsTimeoutBreaksTheRig() {
        long start = System.nanoTime();
        RigBroken e = assertThrows(RigBroken.class, () -> Processes.run(Command.of(Duration.ofMillis(500), "sleep", "30")));
        assertTrue(e.getMessage().contains("did not finish within"), e.getMessage());
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "killed promptly");
    }

    @Test
    void aMissingProgramBreaksTheRig() {
        RigBroken e = assertThrows(RigBroken.class, () -> Processes.run(Command.of(SHORT, "no-such-program-here")));
        assertTrue(e.getMessage().startsWith("cannot start 'no-such-program-here'"), e.getMessage());
    }

    @Test
    void requireFailsOnNonZeroExit() {
        RigBroken e = assertThrows(RigBroken.class, () -> Processes.require(Command.of(SHORT, "sh", "-c", "echo nope; exit 1")));
        assertEquals("'sh -c 'echo nope; exit 1'' exited with 1: nope", e.getMessage());
    }

    @Test
    void aSpawnedCommandHandsOnItsLinesAsItPrintsThemUntilItIsStopped() throws InterruptedException {
        List<String> lines = new CopyOnWriteArrayList<>();
        Spawned spawned = Runner.LIVE.start(Command.of(SHORT, "sh", "-c", "echo one; echo two >&2; exec sleep 30"), lines::add);
        long deadline = System.nanoTime() + SHORT.toNanos();
        while (lines.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(List.of("one", "two"), List.copyOf(lines));
        assertTrue(spawned.ended().isEmpty(), "still running");
        Outcome stopped = spawned.stop();
        assertTrue(spawned.ended().isPresent());
        assertEquals("one\ntwo\n", stopped.output());
        assertTrue(stopped.duration().toMillis() < SHORT.toMillis(), "stopped, not waited for");
    }

    @Test
    void aRunnerThatCannotLeaveACommandRunningRunsItToItsEnd() {
        List<String> lines = new ArrayList<>();
        Runner recorded = command -> new Outcome(command, 0, Duration.ZERO, "a\nb\n");
        Spawned spawned = recorded.start(Command.of(SHORT, "fs_usage", "-w"), lines::add);
        assertEquals(List.of("a", "b"), lines);
        assertEquals(0, spawned.ended().orElseThrow().exitCode());
    }

    @Test
    void quotesForTheShell() {
        assertEquals("dd if=/a/b 'of=/x y' 'it'\\''s'", Command.of(SHORT, "dd", "if=/a/b", "of=/x y", "it's").display());
    }
}
