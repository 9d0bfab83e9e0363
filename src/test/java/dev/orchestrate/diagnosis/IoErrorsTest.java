package dev.orchestrate.diagnosis;

import static dev.orchestrate.diagnosis.Scene.MIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.data.SectorClass;
import dev.orchestrate.trace.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Commands the device answered with an error, named with the first of them and the step that sent it. */
class IoErrorsTest {

    @Test
    void aWriteAnsweredWithEioWhereTheDamageIsIsNamed() {
        Scene s = new Scene().copy("copy with dd").command(Op.WRITE, 0, 65536).record(Op.WRITE, 65536, 65536, -5, "")
                .damaged(65536, 65536, SectorClass.ZEROS);
        Finding f = s.judge(new IoErrors()).finding().orElseThrow();
        assertEquals("the device answered 1 command with EIO (an I/O error); the first: WRITE of 65,536 bytes at LBA 128 (command 3, "
                + "sent by step 'copy with dd')", f.evidence());
        assertEquals(Defect.IO_ERROR, s.diagnosis().defect());
    }

    @Test
    void aFailedCommandElsewhereDoesNotExplainTheDamage() {
        Scene s = new Scene().command(Op.WRITE, 0, MIB).record(Op.WRITE, 6 * MIB, 4096, -5, "").damaged(0, 4096, SectorClass.ZEROS);
        Rule.Judgement j = s.judge(new IoErrors());
        assertTrue(j.finding().isEmpty());
        assertEquals("1 commands failed, none of them a WRITE where the damage is", j.reasoning());
    }

    @Test
    void aLogWithoutErrorsNamesNone() {
        assertTrue(Diagnosis.ioErrors(List.of(), 512).isEmpty());
        assertTrue(new Scene().command(Op.WRITE, 0, MIB).damaged(0, 4096, SectorClass.ZEROS).judge(new IoErrors()).finding().isEmpty());
    }
}
