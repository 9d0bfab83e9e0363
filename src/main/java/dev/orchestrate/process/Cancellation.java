package dev.orchestrate.process;

import dev.orchestrate.outcome.Interrupted;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;

/**
 * A request to stop the run, as a lab's CI sends it when a job is cancelled or times out (SIGTERM)
 * or a person presses Ctrl-C (SIGINT). The first signal only asks: the cell stops at its current
 * step (a running command is killed), is torn down and the report is still written; the second
 * forces the exit. Only work marked {@link #interruptible} is stopped: teardown and the report run
 * to their end whatever was asked.
 */
public final class Cancellation {

    /** The signal that asked, by name and number; the run exits with 128 + number, as a shell would report it. */
    public record Request(String signal, int number) {

        public int exitCode() {
            return 128 + number;
        }
    }

    /** How the message of a cell the request stopped begins; the report's categories match on it. */
    public static final String INTERRUPTED = "interrupted by ";
    /** How the reason of a cell that never started because of the request begins. */
    public static final String NOT_RUN = "not run: the run was interrupted by ";

    private static final AtomicReference<Request> REQUESTED = new AtomicReference<>();
    private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

    private Cancellation() {
    }

    /** Installs the handlers for SIGINT and SIGTERM in this process; {@code err} hears what they do. */
    public static void onSignals(PrintWriter err) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    Request request = new Request("SIG" + signal.getName(), signal.getNumber());
                    if (REQUESTED.compareAndSet(null, request)) {
                        err.println("\norchestrate: " + request.signal() + ": stopping at the current step, tearing the device down"
                                + " and writing the report of what finished; send it again to exit at once");
                    } else {
                        err.println("\norchestrate: " + request.signal()
                                + " again: exiting now, without teardown ('orchestrate cleanup' removes what is left)");
                        Thread.ofPlatform().start(() -> System.exit(request.exitCode()));
                    }
                });
            } catch (IllegalArgumentException e) {
                // the JVM reserves this signal (-Xrs, or a debugger): it keeps its default action
            }
        }
    }

    /** The request to stop, once one was made. */
    public static Optional<Request> requested() {
        return Optional.ofNullable(REQUESTED.get());
    }

    /** Runs {@code work} so that a request to stop ends it: {@link #check} and commands run inside it throw {@link Interrupted}. */
    public static <T> T interruptible(Callable<T> work) throws Exception {
        DEPTH.set(DEPTH.get() + 1);
        try {
            return work.call();
        } finally {
            DEPTH.set(DEPTH.get() - 1);
        }
    }

    /** Whether work on this thread should stop now: a stop was asked and the work is interruptible. */
    public static boolean stopsHere() {
        return REQUESTED.get() != null && DEPTH.get() > 0;
    }

    /** Throws {@link Interrupted} when work on this thread should stop now; {@code where} says what it was doing. */
    public static void check(String where) {
        if (stopsHere()) {
            throw interrupted(where);
        }
    }

    static Interrupted interrupted(String where) {
        return new Interrupted(INTERRUPTED + REQUESTED.get().signal() + " " + where);
    }
}
