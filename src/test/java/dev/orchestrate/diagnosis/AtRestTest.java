package dev.orchestrate.diagnosis;

import static dev.orchestrate.diagnosis.Scene.MIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.data.SectorClass;
import dev.orchestrate.trace.Op;
import org.junit.jupiter.api.Test;

/** Sectors written intact and kept, changed later with no command writing them. */
class AtRestTest {

    @Test
    void changedBytesInDestagedSectorsChangedAtRest() {
        Scene s = new Scene().copy("copy with cp").command(Op.WRITE, 0, MIB).command(Op.WRITE, MIB, MIB).sync()
                .command(Op.DESTAGE, 0, 2 * MIB).command(Op.FSYNC, 0, 0).eject()
                .damaged(4096, 512, SectorClass.DAMAGED).damaged(MIB + 700_000, 512, SectorClass.DAMAGED);
        Finding f = s.judge(new AtRest()).finding().orElseThrow();
        assertEquals("all 2 ranges hold their own sectors with bytes changed; each was destaged to the media after its last WRITE, and no "
                + "command wrote it since: the bytes changed at rest", f.evidence());
        assertEquals(Defect.AT_REST, s.diagnosis().defect());
    }

    @Test
    void sectorsNeverDestagedDidNotRestOnTheMedia() {
        Scene s = new Scene().copy("copy with cp").command(Op.WRITE, 0, MIB).command(Op.DESTAGE, 4 * MIB, 4096)
                .damaged(4096, 512, SectorClass.DAMAGED);
        Rule.Judgement j = s.judge(new AtRest());
        assertTrue(j.finding().isEmpty());
        assertEquals("0 of 1 damaged ranges were destaged after their last write", j.reasoning());
    }

    @Test
    void zerosAreALossNotAChange() {
        Scene s = new Scene().command(Op.WRITE, 0, MIB).command(Op.DESTAGE, 0, MIB).damaged(4096, 512, SectorClass.ZEROS);
        assertTrue(s.judge(new AtRest()).finding().isEmpty());
    }
}
