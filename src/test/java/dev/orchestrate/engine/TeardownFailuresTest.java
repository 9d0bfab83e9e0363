package dev.orchestrate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.diagnosis.Defect;
import dev.orchestrate.outcome.DataDamaged;
import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.outcome.Status;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;

/** Every part of a teardown is tried; how its failures join the cell's own result. */
class TeardownFailuresTest {

    @Test
    void everyPartIsTriedAndTheFirstFailureBreaksAPassedCellWithTheRestSuppressed() {
        TeardownFailures failures = new TeardownFailures("tool=cp");
        List<String> tried = new ArrayList<>();
        failures.attempt(() -> {
            tried.add("device");
            throw new IOException("umount: target is busy");
        });
        failures.attempt(() -> {
            tried.add("sources");
            throw new IllegalStateException("cannot remove the sources");
        });
        failures.attempt(() -> tried.add("pattern"));
        TestExecutionResult judged = failures.judge(TestExecutionResult.successful());
        assertEquals(List.of("device", "sources", "pattern"), tried);
        assertEquals(Status.BROKEN, Status.of(judged));
        Throwable broken = judged.getThrowable().orElseThrow();
        assertEquals("teardown of tool=cp failed: umount: target is busy", broken.getMessage());
        assertEquals("cannot remove the sources", broken.getSuppressed()[0].getMessage());
    }

    @Test
    void aDataLossFindingStandsWithTheTeardownFailureSuppressedInIt() {
        TeardownFailures failures = new TeardownFailures("tool=cp");
        failures.attempt(() -> {
            throw new RigBroken("the loop device could not be detached");
        });
        DataDamaged damaged = new DataDamaged(Defect.UNEXPLAINED, "file-1.bin: 4,096 bytes damaged");
        TestExecutionResult judged = failures.judge(TestExecutionResult.failed(damaged));
        assertEquals(Status.FAILED, Status.of(judged));
        assertSame(damaged, judged.getThrowable().orElseThrow());
        assertEquals("the loop device could not be detached", damaged.getSuppressed()[0].getMessage());
    }

    @Test
    void aRigFailureThatTaintsTheVerdictTurnsAFindingIntoABrokenCell() {
        TeardownFailures failures = new TeardownFailures("tool=cp");
        failures.attempt(() -> {
            throw RigBroken.taintingVerdict("the emulated controller failed internally", new IOException("EIO"));
        });
        DataDamaged damaged = new DataDamaged(Defect.UNEXPLAINED, "file-1.bin: 4,096 bytes damaged");
        TestExecutionResult judged = failures.judge(TestExecutionResult.failed(damaged));
        assertEquals(Status.BROKEN, Status.of(judged));
        Throwable broken = judged.getThrowable().orElseThrow();
        assertEquals("the emulated controller failed internally", broken.getMessage());
        assertTrue(List.of(broken.getSuppressed()).contains(damaged));
    }

    @Test
    void aTeardownWithoutFailuresLeavesTheResultAsItIs() {
        TestExecutionResult skipped = TestExecutionResult.aborted(new IllegalStateException("not runnable"));
        assertSame(skipped, new TeardownFailures("tool=cp").judge(skipped));
    }
}
