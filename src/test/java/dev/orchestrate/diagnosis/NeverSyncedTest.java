package dev.orchestrate.diagnosis;

import static dev.orchestrate.diagnosis.Scene.MIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.data.SectorClass;
import dev.orchestrate.trace.Op;
import org.junit.jupiter.api.Test;

/** Data the suite never synced before the verify read the media. */
class NeverSyncedTest {

    @Test
    void dataNeitherPromisedNorSeenByTheDeviceWasNeverSynced() {
        Scene s = new Scene().copy("copy with cp").command(Op.WRITE, 4 * MIB, 4096).damaged(0, MIB, SectorClass.ZEROS)
                .unaddressed(MIB, MIB, SectorClass.MISSING);
        Finding f = s.judge(new NeverSynced()).finding().orElseThrow();
        assertEquals("no sync, fsync, unmount or eject came between 'copy with cp' (step 1) and the verify of file-1.bin; of the 2 ranges"
                + " damaged, 2 never reached the device", f.evidence());
        assertEquals(Defect.NEVER_SYNCED, s.diagnosis().defect());
    }

    @Test
    void dataInTheDevicesCacheOnlyWasNeverSyncedEither() {
        Scene s = new Scene().copy("copy with cp").command(Op.WRITE, 0, MIB).command(Op.DESTAGE, 4 * MIB, 4096)
                .damaged(0, MIB, SectorClass.ZEROS);
        assertTrue(s.judge(new NeverSynced()).finding().orElseThrow().evidence().endsWith("0 never reached the device and 1 reached only"
                + " its cache"));
    }

    @Test
    void aSyncAfterTheCopyIsAPromise() {
        Scene s = new Scene().copy("copy with cp").sync().damaged(0, MIB, SectorClass.ZEROS);
        Rule.Judgement j = s.judge(new NeverSynced());
        assertTrue(j.finding().isEmpty());
        assertEquals("1 of 1 damaged files were promised by a step after their copy (sync)", j.reasoning());
    }

    @Test
    void wrongDataIsNotMissingData() {
        Scene s = new Scene().copy("copy with cp").damaged(0, MIB, SectorClass.DAMAGED);
        assertTrue(s.judge(new NeverSynced()).finding().isEmpty());
    }
}
