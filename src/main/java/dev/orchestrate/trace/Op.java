package dev.orchestrate.trace;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a command log record is about. */
public enum Op {
    OPEN, RELEASE, READ, WRITE, FLUSH, FSYNC,
    /** The host said the range holds nothing any more (TRIM, UNMAP, a block layer discard). */
    DISCARD,
    /** The write cache wrote this range to the media. */
    DESTAGE,
    /** The controller lost power: everything not destaged is gone. */
    POWER_CUT,
    /** The controller shut down cleanly. */
    SHUTDOWN,
    /** Not a command: a fault was armed here; {@code cause} says which. */
    FAULT,
    /** Not a command: a step of the cell began here; {@code cause} is its title. */
    STEP,
    /** A command that moves no data (TEST UNIT READY, INQUIRY), from a driver's own log; {@code cause} is its name. */
    OTHER;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Op of(String label) {
        for (Op op : values()) {
            if (op.label().equals(label.strip().toLowerCase(Locale.ROOT))) {
                return op;
            }
        }
        throw new IllegalArgumentException("unknown op '" + label + "'; expected one of "
                + Arrays.stream(values()).map(Op::label).collect(Collectors.joining(", ")));
    }
}
