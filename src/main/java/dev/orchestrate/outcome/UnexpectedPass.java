package dev.orchestrate.outcome;

/**
 * A cell the suite expects to fail passed: the bug may be fixed, or the suite no longer provokes it.
 * Fails the run until the suite says so.
 */
public final class UnexpectedPass extends AssertionError {

    /** How every such message starts; the report's category of unexpected passes matches it. */
    public static final String PREFIX = "Unexpected pass (fixed?)";

    /** @param expected what the suite expects, e.g. "failed with flush-dropped (DRV-12)" */
    public UnexpectedPass(String expected) {
        super(PREFIX + ": the suite expects this cell to have " + expected + ", and it passed; if the bug is fixed, change the suite's"
                + " expect entry to 'outcome: passed'");
    }
}
