package dev.orchestrate.cli;

/** The exit codes, as the README documents them. */
public final class Exit {

    /** Every cell passed (skipped cells do not count against it). */
    public static final int PASSED = 0;
    /** Some cell failed: the device lost or damaged data. Wins over BROKEN: a definite finding matters most. */
    public static final int FAILED = 1;
    /** Bad input: the suite or the command line is wrong; nothing was run. */
    public static final int BAD_INPUT = 2;
    /** The rig broke: a tool crashed or timed out, a mount did not appear, the report could not be made. */
    public static final int BROKEN = 3;
    /** Not finished: the run stopped at a reboot that ends the process and awaits {@code orchestrate resume}; neither pass nor fail. */
    public static final int AWAITING_RESUME = 4;

    private Exit() {
    }

    /** What an exit code says of a run, as its summary puts it: passed, failed, broken, not-finished or interrupted. */
    public static String verdict(int exit) {
        return switch (exit) {
            case PASSED -> "passed";
            case FAILED -> "failed";
            case BAD_INPUT -> "bad-input";
            case AWAITING_RESUME -> "not-finished";
            case BROKEN -> "broken";
            default -> exit > 128 ? "interrupted" : "broken";
        };
    }
}
