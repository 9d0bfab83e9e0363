package dev.orchestrate.cli;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/** Counts how cells ended and keeps the one-line reasons, for the summary and the exit code. */
final class Tally implements TestExecutionListener {

    int passed;
    int failed;
    int broken;
    int skipped;
    final List<String> lines = new ArrayList<>();

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        boolean cell = id.isTest();
        switch (result.getStatus()) {
            case SUCCESSFUL -> passed += cell ? 1 : 0;
            case ABORTED -> {
                skipped++;
                lines.add("SKIPPED " + id.getDisplayName() + ": " + message(result));
            }
            case FAILED -> {
                boolean dataLoss = result.getThrowable().filter(AssertionError.class::isInstance).isPresent();
                if (dataLoss) {
                    failed++;
                } else {
                    broken++;
                }
                lines.add((dataLoss ? "FAILED  " : "BROKEN  ") + id.getDisplayName() + ": " + message(result));
            }
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        skipped++;
        lines.add("SKIPPED " + id.getDisplayName() + ": " + reason);
    }

    private static String message(TestExecutionResult result) {
        return result.getThrowable().map(t -> t.getMessage() == null ? t.toString() : t.getMessage()).orElse("");
    }

    int exitCode() {
        return failed > 0 ? Exit.FAILED : broken > 0 ? Exit.BROKEN : Exit.PASSED;
    }

    String summary() {
        return passed + " passed, " + failed + " failed, " + broken + " broken, " + skipped + " skipped";
    }
}
