package dev.orchestrate.cli;

import dev.orchestrate.engine.Progress;
import dev.orchestrate.outcome.Status;
import dev.orchestrate.report.Entries;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Live progress on the terminal: each cell as it starts and ends, each step, and bytes and rate of
 * long copies and scans. On a terminal the byte count updates in place; in a log it is printed at
 * most every few seconds.
 */
final class ConsoleProgress implements TestExecutionListener, Progress {

    private static final long TTY_EVERY_NANOS = 200_000_000L;
    private static final long LOG_EVERY_NANOS = 5_000_000_000L;

    private final PrintWriter out;
    private final boolean terminal;
    private final int cells;
    private int started;
    private long cellStart;
    private long activityStart;
    private String activity;
    private long lastPrint;
    private boolean lineOpen;

    ConsoleProgress(PrintWriter out, boolean terminal, int cells) {
        this.out = out;
        this.terminal = terminal;
        this.cells = cells;
    }

    @Override
    public synchronized void executionStarted(TestIdentifier id) {
        if (id.isTest()) {
            cellStart = System.nanoTime();
            println(String.format(Locale.ROOT, "[%d/%d] %s", ++started, cells, id.getDisplayName()));
        }
    }

    @Override
    public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.isTest()) {
            Status verdict = Status.of(result);
            String why = result.getThrowable().map(t -> ": " + t.getMessage()).orElse("");
            println(String.format(Locale.ROOT, "      %s in %.1f s%s", verdict, (System.nanoTime() - cellStart) / 1e9, why));
        } else if (result.getStatus() == TestExecutionResult.Status.FAILED) {
            println("BROKEN " + id.getDisplayName() + ": " + result.getThrowable().map(Throwable::getMessage).orElse(""));
        }
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier id, String reason) {
        if (id.isTest()) {
            println(String.format(Locale.ROOT, "[%d/%d] %s%n      SKIPPED: %s", ++started, cells, id.getDisplayName(), reason));
        }
    }

    @Override
    public synchronized void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        Map<String, String> e = entry.getKeyValuePairs();
        if (e.containsKey(Entries.STEP) && "start".equals(e.get(Entries.EVENT))) {
            println("      " + e.get(Entries.STEP));
        }
    }

    @Override
    public synchronized void bytes(String cell, String what, long done, long total) {
        long now = System.nanoTime();
        if (!what.equals(activity)) {
            activity = what;
            activityStart = now;
            lastPrint = now;
            return;
        }
        boolean finished = done >= total;
        if (!finished && now - lastPrint < (terminal ? TTY_EVERY_NANOS : LOG_EVERY_NANOS) || finished && !terminal) {
            return;
        }
        lastPrint = now;
        double seconds = Math.max(1e-9, (now - activityStart) / 1e9);
        String line = String.format(Locale.ROOT, "        %s: %s of %s, %.0f MiB/s", what, mib(done), mib(total),
                done / seconds / (1 << 20));
        if (terminal) {
            out.print("\r\033[K" + line);
            lineOpen = true;
        } else {
            out.println(line);
        }
        out.flush();
    }

    private void println(String line) {
        if (lineOpen) {
            out.print("\r\033[K");
            lineOpen = false;
        }
        out.println(line);
        out.flush();
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20));
    }
}
