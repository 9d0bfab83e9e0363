package dev.orchestrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orchestrate.diagnosis.Defect;
import dev.orchestrate.outcome.DataDamaged;
import dev.orchestrate.outcome.RigBroken;
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
}
