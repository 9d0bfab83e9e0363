package dev.orchestrate.fault;

import dev.orchestrate.trace.Op;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.LongConsumer;

/** One fault of the emulated controller. Every method defaults to behaving correctly. */
public interface Fault {

    /** One line for reports: the fault and its parameters, and the real failure it imitates. */
    String describe();

    /** Shapes a write of {@code length} bytes at {@code offset}, given the pieces so far. */
    default List<Piece> shapeWrite(long offset, long length, List<Piece> pieces) {
        return pieces;
    }

    /** A negative errno to answer the command with, or 0. */
    default int error(Op op, long offset, long length) {
        return 0;
    }

    /** How long to hold the command before answering. */
    default Duration delay(Op op, long offset, long length) {
        return Duration.ZERO;
    }

    /** Whether an FSYNC is answered with success without destaging anything. */
    default boolean ignoresFlush() {
        return false;
    }

    /** Whether a clean shutdown (eject, reboot) skips destaging the write cache. */
    default boolean skipsTeardownDestage() {
        return false;
    }

    /**
     * Damages data at rest when the controller stops: {@code written} lists one 512-byte sector of
     * each block written since the fault was armed; {@code flip} flips one bit in the sector given.
     */
    default void atRest(List<Long> written, Random random, LongConsumer flip) {
    }
}
