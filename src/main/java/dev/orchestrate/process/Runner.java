package dev.orchestrate.process;

import dev.orchestrate.outcome.RigBroken;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Runs a command for a lab target. The seam of a dry run: a target runs every command that changes a
 * device through one runner, which in a dry run prints the command instead and answers as if it had
 * succeeded; commands that only look run through another, always for real.
 */
@FunctionalInterface
public interface Runner {

    Runner LIVE = new Runner() {
        @Override
        public Outcome run(Command command) {
            return Processes.run(command);
        }

        @Override
        public Outcome run(Command command, Runnable whileRunning) {
            return Processes.run(command, whileRunning);
        }

        @Override
        public Spawned start(Command command, Consumer<String> lines) {
            return Background.start(command, lines);
        }

        @Override
        public Outcome watch(Command command, Predicate<String> stopAfter) {
            return Processes.watch(command, stopAfter);
        }
    };

    Outcome run(Command command);

    /** As {@link #run(Command)}, calling {@code whileRunning} now and then until the command ends (to show progress). */
    default Outcome run(Command command, Runnable whileRunning) {
        return run(command);
    }

    /**
     * Starts {@code command} to run beside the work, handing each line it prints (output and errors) to
     * {@code lines} as it comes, until it is stopped. A runner that cannot leave a command running (a
     * fake that answers from a recording, a dry run that prints it) runs it to its end and hands on its
     * output: what it returns has then ended.
     */
    default Spawned start(Command command, Consumer<String> lines) {
        Outcome outcome = run(command);
        outcome.output().lines().forEach(lines);
        return Spawned.finished(outcome);
    }

    /**
     * As {@link #run(Command)}, telling {@code stopAfter} each line of the output; a runner that
     * runs commands for real stops the command once it answers true, others tell it the lines afterwards.
     */
    default Outcome watch(Command command, Predicate<String> stopAfter) {
        Outcome outcome = run(command);
        outcome.output().lines().anyMatch(stopAfter);
        return outcome;
    }

    /** Runs {@code command} and breaks the rig unless it exits 0, with its command line, exit code and last line. */
    default Outcome require(Command command) {
        Outcome outcome = run(command);
        if (!outcome.succeeded()) {
            throw new RigBroken("'" + command.display() + "' exited with " + outcome.exitCode() + ": " + outcome.lastLine());
        }
        return outcome;
    }

    /** Whether commands are only printed: what a command would have created (a RAM disk) then does not exist. */
    default boolean prints() {
        return false;
    }

    /** Prints each command ("dry run: would run $ diskutil eraseDisk ...") and runs nothing. */
    static Runner printing(PrintWriter out) {
        return new Runner() {
            @Override
            public Outcome run(Command command) {
                out.println("dry run: would run $ " + command.display());
                out.flush();
                return new Outcome(command, 0, Duration.ZERO, "");
            }

            @Override
            public boolean prints() {
                return true;
            }
        };
    }
}
