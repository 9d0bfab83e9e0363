package dev.orchestrate.process;

import java.util.Optional;

/**
 * A command left running beside the work (a tracer), its lines handed on as it prints them, until it
 * is stopped or ends by itself.
 */
public interface Spawned {

    /** What it did, once it ended (by itself, or stopped); empty while it runs. */
    Optional<Outcome> ended();

    /**
     * Ends it as a Ctrl-C would (SIGTERM; SIGKILL when it outlives its command's timeout), after which
     * every line it printed has been handed on; what it did. Stopping one that ended is harmless.
     */
    Outcome stop();

    /** One that has already ended, as a runner that cannot leave a command running answers (a fake, a dry run). */
    static Spawned finished(Outcome outcome) {
        return new Spawned() {
            @Override
            public Optional<Outcome> ended() {
                return Optional.of(outcome);
            }

            @Override
            public Outcome stop() {
                return outcome;
            }
        };
    }
}
