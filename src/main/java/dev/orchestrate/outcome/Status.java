package dev.orchestrate.outcome;

import java.util.Locale;
import org.junit.platform.engine.TestExecutionResult;

/** How a cell ended, read off its JUnit Platform result: the one place that tells failed from broken. */
public enum Status {
    PASSED, FAILED, BROKEN, SKIPPED;

    public static Status of(TestExecutionResult result) {
        return switch (result.getStatus()) {
            case SUCCESSFUL -> PASSED;
            case ABORTED -> SKIPPED;
            case FAILED -> result.getThrowable().filter(AssertionError.class::isInstance).isPresent() ? FAILED : BROKEN;
        };
    }

    /** Lower case, as in the manifest and Allure: "passed", "broken". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
