package dev.orchestrate.cli;

import dev.orchestrate.outcome.KnownFailure;
import dev.orchestrate.outcome.Status;
import dev.orchestrate.results.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Counts how cells ended and keeps the one-line reasons, for the summary and the exit code. A
 * failure the suite expects is counted apart and does not fail the run; an unexpected pass does.
 */
final class Tally implements TestExecutionListener {

    int passed;
    int failed;
    int known;
    int broken;
    int skipped;
    final List<String> lines = new ArrayList<>();

    /** Containers count only when they fail: a suite whose target could not be prepared is a broken rig. */
    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        Status status = Status.of(result);
        switch (status) {
            case PASSED -> passed += id.isTest() ? 1 : 0;
            case FAILED -> {
                if (result.getThrowable().filter(KnownFailure.class::isInstance).isPresent()) {
                    known++;
                } else {
                    failed++;
                }
            }
            case BROKEN -> broken++;
            case SKIPPED -> skipped++;
        }
        if (status != Status.PASSED) {
            boolean expected = result.getThrowable().filter(KnownFailure.class::isInstance).isPresent();
            lines.add(line(expected ? "KNOWN" : status.name(), id.getDisplayName(), message(result)));
        }
    }

    /**
     * Counts a cell that ended outside this launch (verified offline, or finished before a resume) by its
     * Allure status; a failure the suite expected keeps the message its outcome declares.
     */
    void count(String status, String cell, String message) {
        boolean expected = status.equals("failed") && message.startsWith(KnownFailure.PREFIX);
        switch (status) {
            case "passed" -> passed++;
            case "failed" -> {
                if (expected) {
                    known++;
                } else {
                    failed++;
                }
            }
            case "broken" -> broken++;
            default -> skipped++;
        }
        if (!status.equals("passed")) {
            lines.add(line(expected ? "known" : status, cell, message));
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        skipped++;
        lines.add("SKIPPED " + id.getDisplayName() + ": " + reason);
    }

    /** "FAILED  cell: why", the form of every per-cell line on the console. */
    static String line(String status, String cell, String message) {
        return String.format("%-8s%s: %s", status.toUpperCase(Locale.ROOT), cell, message);
    }

    private static String message(TestExecutionResult result) {
        return result.getThrowable().map(t -> t.getMessage() == null ? t.toString() : t.getMessage()).orElse("");
    }

    /** A run in which no cell ran proves nothing: a nightly job that lost its rig must not go green. */
    int exitCode() {
        return failed > 0 ? Exit.FAILED : broken > 0 || ranNothing() ? Exit.BROKEN : Exit.PASSED;
    }

    boolean ranNothing() {
        return passed + failed + known + broken == 0;
    }

    /** The counts as the run's summary keeps them. */
    Summary.Counts counts() {
        return new Summary.Counts(passed + failed + known + broken + skipped, passed, failed, known, broken, skipped);
    }

    String summary() {
        return passed + " passed, " + failed + " failed, " + (known > 0 ? known + " failed as expected, " : "") + broken + " broken, "
                + skipped + " skipped";
    }
}
