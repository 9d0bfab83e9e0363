package dev.orchestrate.outcome;

import org.opentest4j.TestAbortedException;

/**
 * The cell reached a reboot that ends this process: it is not finished, neither passed nor
 * failed, and {@code orchestrate resume} continues it after the reboot. Reported as not run to the end.
 */
public final class RebootPending extends TestAbortedException {

    public RebootPending(String message) {
        super(message);
    }
}
