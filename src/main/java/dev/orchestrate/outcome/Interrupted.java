package dev.orchestrate.outcome;

/**
 * The run was cancelled (SIGINT, SIGTERM) while this cell ran: it stopped at the current step and
 * was torn down. Like a broken rig it says nothing about the device.
 */
public final class Interrupted extends RuntimeException {

    public Interrupted(String message) {
        super(message);
    }
}
