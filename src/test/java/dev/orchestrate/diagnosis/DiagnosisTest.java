package dev.orchestrate.diagnosis;

import static dev.orchestrate.diagnosis.Scene.MIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.data.SectorClass;
import dev.orchestrate.data.Stamp;
import dev.orchestrate.trace.Op;
import org.junit.jupiter.api.Test;

/** The rules together: the most specific finding names the defect, missing evidence is said, and nothing explains what no rule does. */
class DiagnosisTest {

    @Test
    void withoutAFindingTheDefectIsUnexplained() {
        Diagnosis d = new Scene().command(Op.WRITE, 0, MIB).command(Op.DESTAGE, 0, MIB).damaged(4096, 512, SectorClass.FOREIGN).diagnosis();
        assertEquals(Defect.UNEXPLAINED, d.defect());
        assertTrue(d.text().startsWith("no rule explains the damage"), d.text());
    }

    @Test
    void aRuleWithoutItsEvidenceIsNotJudgedAndSaysWhatItNeeds() {
        Diagnosis d = new Scene().noLog().copy("copy with cp").damaged(0, MIB, SectorClass.ZEROS).diagnosis();
        assertTrue(d.reasoning().contains("never synced: not judged: needs the device's command log"), d.reasoning().toString());
        assertEquals(Defect.UNEXPLAINED, d.defect());
    }

    @Test
    void theMostSpecificFindingComesFirst() {
        // misplaced sectors one distance away, in a file whose writes also all start its damage at one offset
        Diagnosis d = new Scene().copy("copy with cp").command(Op.WRITE, 0, MIB).damaged(4096, 4096, SectorClass.ZEROS)
                .damaged(8192, 4096, SectorClass.MISPLACED, new Stamp(1, 1001, 4096, 1)).diagnosis();
        assertEquals(Defect.MISDIRECTED, d.defect());
        assertTrue(d.text().startsWith("likely:\n  misdirected: "), d.text());
    }
}
