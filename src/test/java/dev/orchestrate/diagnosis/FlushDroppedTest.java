package dev.orchestrate.diagnosis;

import static dev.orchestrate.diagnosis.Scene.MIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.data.SectorClass;
import dev.orchestrate.trace.Op;
import org.junit.jupiter.api.Test;

/** Flushes acknowledged after the data reached the device, and the data lost. */
class FlushDroppedTest {

    @Test
    void lostDataThatFlushesWereAcknowledgedAfterWasDroppedByTheDevice() {
        Scene s = new Scene().copy("copy with cp").command(Op.WRITE, 0, MIB).command(Op.DESTAGE, 4 * MIB, 4096).sync()
                .command(Op.FSYNC, 0, 0).command(Op.FSYNC, 0, 0).powerCut().damaged(0, MIB, SectorClass.ZEROS);
        Finding f = s.judge(new FlushDropped()).finding().orElseThrow();
        assertEquals("the 1 range was written to the device (the last by WRITE 2), at least 2 flushes were acknowledged after it, before "
                + "the power cut, and none of it was destaged to the media", f.evidence());
        assertEquals(Defect.FLUSH_DROPPED, s.diagnosis().defect());
    }

    @Test
    void withoutAFlushNothingWasDropped() {
        Scene s = new Scene().copy("copy with cp").command(Op.WRITE, 0, MIB).command(Op.DESTAGE, 4 * MIB, 4096).sync().powerCut()
                .damaged(0, MIB, SectorClass.ZEROS);
        Rule.Judgement j = s.judge(new FlushDropped());
        assertTrue(j.finding().isEmpty());
        assertEquals("no flush was acknowledged after the last write of every damaged range", j.reasoning());
    }

    @Test
    void aFlushBeforeTheLastWriteDoesNotCoverIt() {
        Scene s = new Scene().copy("copy with cp").command(Op.FSYNC, 0, 0).command(Op.WRITE, 0, MIB).powerCut()
                .damaged(0, MIB, SectorClass.ZEROS);
        assertTrue(s.judge(new FlushDropped()).finding().isEmpty());
    }
}
