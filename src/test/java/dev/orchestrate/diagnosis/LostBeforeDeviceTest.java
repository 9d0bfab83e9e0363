package dev.orchestrate.diagnosis;

import static dev.orchestrate.diagnosis.Scene.MIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.data.SectorClass;
import dev.orchestrate.trace.Op;
import org.junit.jupiter.api.Test;

/** Data the host promised that no write ever carried to the device. */
class LostBeforeDeviceTest {

    @Test
    void promisedDataNoWriteCoveredWasLostBeforeTheDevice() {
        Scene s = new Scene().copy("copy with cp").command(Op.WRITE, 4 * MIB, MIB).sync().command(Op.FSYNC, 0, 0)
                .damaged(0, MIB, SectorClass.ZEROS);
        Finding f = s.judge(new LostBeforeDevice()).finding().orElseThrow();
        assertEquals("'sync' (step 2) promised file-1.bin, yet no WRITE ever covered any of the 1 range damaged", f.evidence());
        assertEquals(Defect.LOST_BEFORE_DEVICE, s.diagnosis().defect());
    }

    @Test
    void dataNeverPromisedWasNotLostByTheHost() {
        Scene s = new Scene().copy("copy with cp").damaged(0, MIB, SectorClass.ZEROS);
        assertTrue(s.judge(new LostBeforeDevice()).finding().isEmpty());
        assertEquals(Defect.NEVER_SYNCED, s.diagnosis().defect());
    }

    @Test
    void dataAWriteCoveredReachedTheDevice() {
        Scene s = new Scene().copy("copy with cp").command(Op.WRITE, 0, MIB).sync().damaged(0, MIB, SectorClass.ZEROS);
        assertEquals("1 of 1 damaged ranges were covered by a WRITE", s.judge(new LostBeforeDevice()).reasoning());
    }
}
