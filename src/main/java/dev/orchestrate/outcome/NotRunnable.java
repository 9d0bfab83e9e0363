package dev.orchestrate.outcome;

import org.opentest4j.TestAbortedException;

/** This host cannot run the cell (a tool is missing, a platform does not match); reported as skipped, with the reason. */
public final class NotRunnable extends TestAbortedException {

    public NotRunnable(String reason) {
        super(reason);
    }
}
