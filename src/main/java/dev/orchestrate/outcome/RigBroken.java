package dev.orchestrate.outcome;

/** The rig failed: a tool crashed or timed out, a file could not be read, a mount did not appear. Says nothing about the device. */
public final class RigBroken extends RuntimeException {

    public RigBroken(String message) {
        super(message);
    }

    public RigBroken(String message, Throwable cause) {
        super(message, cause);
    }
}
