package dev.orchestrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.diagnosis.Defect;
import dev.orchestrate.outcome.DataDamaged;
import dev.orchestrate.outcome.KnownFailure;
import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.outcome.UnexpectedPass;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.launcher.TestIdentifier;

class TallyTest {

    private static TestIdentifier cell(String name) {
        return TestIdentifier.from(new AbstractTestDescriptor(UniqueId.forEngine("orchestrate").append("cell", name), name) {
            @Override
            public Type getType() {
                return Type.TEST;
            }
        });
    }

    @Test
    void dataLossOutranksABrokenRig() {
        Tally t = new Tally();
        t.executionFinished(cell("a"), TestExecutionResult.failed(new RigBroken("tool crashed")));
        assertEquals(Exit.BROKEN, t.exitCode());
        t.executionFinished(cell("b"), TestExecutionResult.failed(new DataDamaged(Defect.UNEXPLAINED, "zeros")));
        assertEquals(Exit.FAILED, t.exitCode());
        assertEquals("BROKEN  a: tool crashed", t.lines.get(0));
    }

    @Test
    void aRunInWhichEveryCellWasSkippedIsNotAPass() {
        Tally t = new Tally();
        t.executionSkipped(cell("a"), "the emulated target needs root");
        assertEquals(Exit.BROKEN, t.exitCode());
        t.executionFinished(cell("b"), TestExecutionResult.successful());
        assertEquals(Exit.PASSED, t.exitCode(), "skipped cells next to passed ones do not count against the run");
    }

    @Test
    void aKnownFailureDoesNotFailTheRunAndAnUnexpectedPassDoes() {
        Tally t = new Tally();
        KnownFailure known = new KnownFailure(new DataDamaged(Defect.FLUSH_DROPPED, "lost"), "DRV-1");
        t.executionFinished(cell("a"), TestExecutionResult.failed(known));
        assertEquals(Exit.PASSED, t.exitCode());
        assertEquals("0 passed, 0 failed, 1 failed as expected, 0 broken, 0 skipped", t.summary());
        assertTrue(t.lines.getFirst().startsWith("KNOWN   a: As expected (DRV-1): "), t.lines.getFirst());
        t.executionFinished(cell("b"), TestExecutionResult.failed(new UnexpectedPass("failed with flush-dropped")));
        assertEquals(Exit.FAILED, t.exitCode());
    }

    @Test
    void aKnownFailureFinishedBeforeAResumeStaysKnown() {
        Tally t = new Tally();
        t.count("failed", "a", KnownFailure.PREFIX + ": " + Defect.FLUSH_DROPPED.category() + " — lost");
        assertEquals(Exit.PASSED, t.exitCode());
        t.count("failed", "b", Defect.FLUSH_DROPPED.category() + " — lost");
        assertEquals(Exit.FAILED, t.exitCode());
        assertEquals("KNOWN   a: As expected: " + Defect.FLUSH_DROPPED.category() + " — lost", t.lines.getFirst());
    }
}
