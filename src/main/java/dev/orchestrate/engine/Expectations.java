package dev.orchestrate.engine;

import dev.orchestrate.diagnosis.Defect;
import dev.orchestrate.outcome.DataDamaged;
import dev.orchestrate.outcome.KnownFailure;
import dev.orchestrate.outcome.UnexpectedPass;
import dev.orchestrate.suite.Expectation;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;

/**
 * A cell's result held against what its suite expects: a failure with the expected defect becomes
 * a known failure (reported, but not failing the run); a pass the suite did not expect, or another
 * defect than the one it expects, is flagged as unexpected. A broken or skipped cell is not judged:
 * nothing is known about the device.
 */
final class Expectations {

    /**
     * @param defect the defect the cell failed with, if it failed with one
     * @param asExpected whether the outcome is what the suite expects; empty when it expects nothing or the cell was not judged
     */
    record Judged(TestExecutionResult result, Optional<Defect> defect, Optional<Boolean> asExpected) {
    }

    private Expectations() {
    }

    static Judged judge(Optional<Expectation> expectation, TestExecutionResult result) {
        Optional<DataDamaged> damaged = result.getThrowable().filter(DataDamaged.class::isInstance).map(DataDamaged.class::cast);
        Optional<Defect> defect = damaged.map(DataDamaged::defect);
        boolean passed = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
        if (expectation.isEmpty() || !passed && damaged.isEmpty()) {
            return new Judged(result, defect, Optional.empty());
        }
        Expectation expected = expectation.get();
        if (passed) {
            return expected.passes() ? new Judged(result, defect, Optional.of(true))
                    : new Judged(TestExecutionResult.failed(new UnexpectedPass(expected.describe())), defect, Optional.of(false));
        }
        DataDamaged failure = damaged.orElseThrow();
        if (expected.passes()) {
            return unexpected(failure, "the suite expects this cell to pass");
        }
        if (expected.defect().filter(d -> d != failure.defect()).isPresent()) {
            return unexpected(failure, "the suite expects " + expected.describe());
        }
        return new Judged(TestExecutionResult.failed(new KnownFailure(failure, expected.ticket().orElse(""))), defect, Optional.of(true));
    }

    private static Judged unexpected(DataDamaged failure, String why) {
        DataDamaged flagged = new DataDamaged(failure.defect(), "unexpected: " + why + "; " + failure.detail());
        return new Judged(TestExecutionResult.failed(flagged), Optional.of(failure.defect()), Optional.of(false));
    }
}
