package dev.orchestrate.outcome;

/** The rig failed: a tool crashed or timed out, a file could not be read, a mount did not appear. Says nothing about the device. */
public final class RigBroken extends RuntimeException {

    private final boolean taintsVerdict;

    public RigBroken(String message) {
        this(message, null, false);
    }

    public RigBroken(String message, Throwable cause) {
        this(message, cause, false);
    }

    private RigBroken(String message, Throwable cause, boolean taintsVerdict) {
        super(message, cause);
        this.taintsVerdict = taintsVerdict;
    }

    /** The rig broke in a way that makes any verdict of the cell suspect: the device under test itself misbehaved for reasons of ours. */
    public static RigBroken taintingVerdict(String message, Throwable cause) {
        return new RigBroken(message, cause, true);
    }

    public boolean taintsVerdict() {
        return taintsVerdict;
    }
}
