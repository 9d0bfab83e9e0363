package dev.orchestrate.diagnosis;

import static dev.orchestrate.diagnosis.Scene.MIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.data.SectorClass;
import dev.orchestrate.trace.Op;
import org.junit.jupiter.api.Test;

/** Data the host promised, that reached the device with no flush after it before the power cut. */
class FlushNotSentTest {

    @Test
    void aPromiseNoFlushCarriedToTheDeviceWasNotSent() {
        Scene s = new Scene().copy("copy with cp").command(Op.WRITE, 0, MIB).sync().powerCut().damaged(0, MIB, SectorClass.ZEROS);
        Finding f = s.judge(new FlushNotSent()).finding().orElseThrow();
        assertEquals("'sync' (step 2) promised file-1.bin and the 1 range was written to the device, but no flush was sent after it "
                + "before the power cut", f.evidence());
        assertEquals(Defect.FLUSH_NOT_SENT, s.diagnosis().defect());
    }

    @Test
    void dataNeverPromisedNeededNoFlush() {
        Scene s = new Scene().copy("copy with cp").command(Op.WRITE, 0, MIB).powerCut().damaged(0, MIB, SectorClass.ZEROS);
        assertTrue(s.judge(new FlushNotSent()).finding().isEmpty());
        assertEquals(Defect.NEVER_SYNCED, s.diagnosis().defect());
    }

    @Test
    void aPromiseAfterThePowerCutComesTooLate() {
        Scene s = new Scene().copy("copy with cp").command(Op.WRITE, 0, MIB).powerCut().sync().damaged(0, MIB, SectorClass.ZEROS);
        assertEquals("1 of 1 damaged files were not promised before the power cut", s.judge(new FlushNotSent()).reasoning());
    }
}
