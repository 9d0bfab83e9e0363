package dev.orchestrate.diagnosis;

import static dev.orchestrate.diagnosis.Scene.MIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.data.SectorClass;
import dev.orchestrate.data.Stamp;
import dev.orchestrate.trace.Op;
import dev.orchestrate.verify.Stray;
import org.junit.jupiter.api.Test;

/** The run's own sectors a fixed distance from where they belong. */
class MisdirectedTest {

    @Test
    void sectorsOneDistanceAwayAreMisdirectedAndWhereTheyLandedIsNamed() {
        // the file's first 4 KiB are zeros; its sectors turn up 8 LBAs further on, the last ones past the file's end
        Stray landed = new Stray(2 * MIB, 2 * MIB + 4096, 512, SectorClass.MISPLACED, new Stamp(1, 1001, MIB - 4096, 1),
                (2 * MIB - 4096) / 512, Scene.FILE, "its own place does not hold it");
        Scene s = new Scene().command(Op.WRITE, 0, MIB).damaged(0, 4096, SectorClass.ZEROS)
                .damaged(4096, MIB - 4096, SectorClass.MISPLACED, new Stamp(1, 1001, 0, 1)).stray(landed);
        Finding f = s.judge(new Misdirected()).finding().orElseThrow();
        assertEquals("1 range in the files and 1 outside them hold sectors found intact 4,096 bytes (8 LBAs) after their own place, which "
                + "does not hold them; the writes landed that far away; outside the files they landed at LBA 4,096..4,103", f.evidence());
        assertEquals(Defect.MISDIRECTED, s.diagnosis().defect());
    }

    @Test
    void misplacedSectorsAtSeveralDistancesAreNot() {
        Scene s = new Scene().damaged(4096, 4096, SectorClass.MISPLACED, new Stamp(1, 1001, 0, 1))
                .damaged(MIB, 4096, SectorClass.MISPLACED, new Stamp(1, 1001, 8192, 1));
        Rule.Judgement j = s.judge(new Misdirected());
        assertTrue(j.finding().isEmpty());
        assertEquals("2 ranges in the files misplaced, 2 distinct displacements", j.reasoning());
    }
}
