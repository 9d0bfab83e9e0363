package dev.orchestrate.verify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.trace.Op;
import dev.orchestrate.trace.Record;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromiseTest {

    private static Record r(long seq, Op op, long offset, long length) {
        return new Record(seq, seq, op, offset, length, 0, "");
    }

    @Test
    void aFlushAcknowledgedAfterTheWriteAndBeforeTheCutPromisesIt() {
        assertTrue(Promise.promised(4096, List.of(r(1, Op.WRITE, 0, 65536), r(2, Op.FSYNC, 0, 0), r(3, Op.POWER_CUT, 0, 65536))));
    }

    @Test
    void aWriteAfterTheLastFlushIsNotPromised() {
        assertFalse(Promise.promised(4096, List.of(r(1, Op.FSYNC, 0, 0), r(2, Op.WRITE, 0, 65536), r(3, Op.POWER_CUT, 0, 65536))));
    }

    @Test
    void aFlushAfterThePowerCutPromisesNothingLost() {
        assertFalse(Promise.promised(4096, List.of(r(1, Op.WRITE, 0, 65536), r(2, Op.POWER_CUT, 0, 65536), r(3, Op.FSYNC, 0, 0))));
    }

    @Test
    void aFailedFlushPromisesNothing() {
        Record failed = new Record(2, 2, Op.FSYNC, 0, 0, -5, "");
        assertFalse(Promise.promised(4096, List.of(r(1, Op.WRITE, 0, 65536), failed)));
    }

    @Test
    void dataThatNeverReachedTheDeviceWasPromisedIfAFlushFollowedTheLastWrite() {
        assertTrue(Promise.promised(1 << 20, List.of(r(1, Op.WRITE, 0, 4096), r(2, Op.FSYNC, 0, 0))));
        assertFalse(Promise.promised(1 << 20, List.of(r(1, Op.FSYNC, 0, 0), r(2, Op.WRITE, 0, 4096))));
    }
}
