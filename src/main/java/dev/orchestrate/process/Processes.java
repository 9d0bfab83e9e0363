package dev.orchestrate.process;

import dev.orchestrate.outcome.RigBroken;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;
import org.zeroturnaround.exec.StartedProcess;

/**
 * Runs commands through zt-exec. A command that cannot start or outlives its timeout breaks the rig
 * ({@link RigBroken}); a non-zero exit is returned, for the caller to judge.
 */
public final class Processes {

    private static final int TAIL_BYTES = 16 * 1024;
    /** What {@link #read} keeps of a command whose output is the data asked for (an extent map of many files). */
    private static final int DATA_BYTES = 64 * 1024 * 1024;
    private static final Duration TICK = Duration.ofMillis(250);

    private Processes() {
    }

    public static Outcome run(Command command) {
        return run(command, () -> { });
    }

    /** Runs {@code command}, calling {@code whileRunning} about every 250 ms (progress polling). */
    public static Outcome run(Command command, Runnable whileRunning) {
        return run(command, whileRunning, TAIL_BYTES, line -> false);
    }

    /** Runs a command whose output is the data asked for: all of it is kept (up to 64 MiB), not only its last lines. */
    public static Outcome read(Command command) {
        return run(command, () -> { }, DATA_BYTES, line -> false);
    }

    /**
     * Runs {@code command}, telling {@code stopAfter} each line of its output as it comes; once it
     * answers true, the command is stopped (within a quarter of a second) and its outcome returned.
     */
    public static Outcome watch(Command command, Predicate<String> stopAfter) {
        return run(command, () -> { }, TAIL_BYTES, stopAfter);
    }

    private static Outcome run(Command command, Runnable whileRunning, int keep, Predicate<String> stopAfter) {
        Tail tail = new Tail(keep);
        Lines lines = new Lines(tail, stopAfter);
        long started = System.nanoTime();
        StartedProcess process;
        try {
            process = new ProcessExecutor().command(command.argv()).redirectErrorStream(true)
                    .redirectOutput(lines).destroyOnExit().start();
        } catch (IOException e) {
            throw new RigBroken("cannot start '" + command.display() + "': " + e.getMessage(), e);
        }
        Future<ProcessResult> future = process.getFuture();
        long deadline = started + command.timeout().toNanos();
        while (true) {
            try {
                int exit = future.get(TICK.toMillis(), TimeUnit.MILLISECONDS).getExitValue();
                // a Ctrl-C reaches the whole process group: a tool that died of it was interrupted, not broken
                Cancellation.check("while running '" + command.display() + "' (it exited with " + exit + ")");
                lines.end();
                return new Outcome(command, exit, Duration.ofNanos(System.nanoTime() - started), tail.toString());
            } catch (TimeoutException e) {
                if (Cancellation.stopsHere()) {
                    kill(process);
                    throw Cancellation.interrupted("while running '" + command.display() + "', which was killed");
                }
                if (lines.stopped()) {
                    kill(process);
                    int exit = process.getProcess().isAlive() ? -1 : process.getProcess().exitValue();
                    return new Outcome(command, exit, Duration.ofNanos(System.nanoTime() - started), tail.toString());
                }
                if (System.nanoTime() > deadline) {
                    kill(process);
                    throw new RigBroken("'" + command.display() + "' did not finish within " + command.timeout().toSeconds()
                            + " s and was killed; last output: " + new Outcome(command, -1, command.timeout(), tail.toString()).lastLine());
                }
                whileRunning.run();
            } catch (ExecutionException e) {
                throw new RigBroken("'" + command.display() + "' failed to run: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                process.getProcess().destroyForcibly();
                Thread.currentThread().interrupt();
                throw new RigBroken("interrupted while running '" + command.display() + "'", e);
            }
        }
    }

    /** Kills the process and everything it started, and waits (briefly) for it to go. */
    private static void kill(StartedProcess process) {
        process.getProcess().descendants().forEach(ProcessHandle::destroyForcibly);
        process.getProcess().destroyForcibly();
        try {
            process.getProcess().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs {@code command} and breaks the rig unless it exits 0; for commands the rig itself depends on. */
    public static Outcome require(Command command) {
        Outcome outcome = run(command);
        if (!outcome.succeeded()) {
            throw new RigBroken("'" + command.display() + "' exited with " + outcome.exitCode() + ": " + outcome.lastLine());
        }
        return outcome;
    }
}
