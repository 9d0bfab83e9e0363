package dev.orchestrate.diagnosis;

import static dev.orchestrate.diagnosis.Scene.MIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.data.SectorClass;
import dev.orchestrate.data.Stamp;
import dev.orchestrate.verify.Stray;
import org.junit.jupiter.api.Test;

/** Copies of intact sectors inside a file: data written twice. */
class DuplicatedTest {

    private static Stray outside() {
        return new Stray(8 * MIB, 8 * MIB + 4096, 512, SectorClass.DUPLICATED, new Stamp(1, 1001, 0, 1), 2048, Scene.FILE, "held");
    }

    @Test
    void aCopyInsideAFileIsADuplicatedWrite() {
        Scene s = new Scene().damaged(65536, 4096, SectorClass.DUPLICATED, new Stamp(1, 1001, 0, 1)).stray(outside());
        Finding f = s.judge(new Duplicated()).finding().orElseThrow();
        assertEquals("1 range in the files and 1 outside them hold copies of sectors intact at their own place; the data was written "
                + "twice, once over other data", f.evidence());
        assertEquals(Defect.DUPLICATED, s.diagnosis().defect(), "a copy is not a write that went astray");
    }

    @Test
    void copiesOutsideTheFilesAloneAreBlocksAFileSystemFreed() {
        Scene s = new Scene().damaged(4096, 4096, SectorClass.ZEROS).stray(outside());
        Rule.Judgement j = s.judge(new Duplicated());
        assertTrue(j.finding().isEmpty());
        assertTrue(j.reasoning().endsWith("(copies outside the files alone may be blocks a file system freed)"), j.reasoning());
    }
}
