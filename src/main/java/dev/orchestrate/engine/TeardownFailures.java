package dev.orchestrate.engine;

import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.outcome.Status;
import dev.orchestrate.step.CellWalk;
import org.junit.platform.engine.TestExecutionResult;

/**
 * The failures of a cell's teardown, in the spirit of JUnit's {@code ThrowableCollector}: every part
 * is tried whatever the ones before did; the first failure breaks the rig, later ones are suppressed
 * in it, and the cell's own result decides how it is reported.
 */
final class TeardownFailures {

    private final String cell;
    private RigBroken first;

    TeardownFailures(String cell) {
        this.cell = cell;
    }

    void attempt(CellWalk.Part part) {
        try {
            part.run();
        } catch (Throwable e) {
            if (first == null) {
                first = e instanceof RigBroken rb ? rb : new RigBroken("teardown of " + cell + " failed: " + e.getMessage(), e);
            } else {
                first.addSuppressed(e);
            }
        }
    }

    /**
     * The cell's result with the teardown's failures: a data-loss finding stands, with them suppressed
     * in it, unless the rig's own failure makes it suspect; otherwise the cell is broken.
     */
    TestExecutionResult judge(TestExecutionResult result) {
        if (first == null) {
            return result;
        }
        if (Status.of(result) == Status.FAILED && !first.taintsVerdict()) {
            result.getThrowable().orElseThrow().addSuppressed(first);
            return result;
        }
        result.getThrowable().ifPresent(first::addSuppressed);
        return Status.of(result) == Status.BROKEN ? result : TestExecutionResult.failed(first);
    }
}
