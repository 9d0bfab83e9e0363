package dev.orchestrate.diagnosis;

import static dev.orchestrate.diagnosis.Scene.MIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.data.SectorClass;
import dev.orchestrate.trace.Op;
import org.junit.jupiter.api.Test;

/** A clean release or shutdown that left the cache unwritten, with no flush sent: not a dropped flush. */
class NoDestageAtReleaseTest {

    @Test
    void cachedDataAShutdownDidNotDestageWasNotDestagedAtRelease() {
        Scene s = new Scene().copy("copy with cp").command(Op.WRITE, 0, MIB).sync().eject().damaged(0, MIB, SectorClass.ZEROS);
        Finding f = s.judge(new NoDestageAtRelease()).finding().orElseThrow();
        assertEquals("the 1 range was written to the device's cache and never destaged; no flush was sent after it, and the release "
                + "and shutdown (command 5) did not write the cache to the media", f.evidence());
        assertEquals(Defect.NO_DESTAGE_AT_RELEASE, s.diagnosis().defect(), "no flush was sent, so none was dropped");
    }

    @Test
    void dataLostAtAPowerCutWasNotTheShutdowns() {
        Scene s = new Scene().copy("copy with cp").command(Op.WRITE, 0, MIB).sync().powerCut().damaged(0, MIB, SectorClass.ZEROS);
        assertTrue(s.judge(new NoDestageAtRelease()).finding().isEmpty());
    }

    @Test
    void dataTheShutdownDestagedWasNotLeftInTheCache() {
        Scene s = new Scene().copy("copy with cp").command(Op.WRITE, 0, MIB).sync().eject().command(Op.DESTAGE, 0, MIB)
                .damaged(0, MIB, SectorClass.ZEROS);
        assertTrue(s.judge(new NoDestageAtRelease()).finding().isEmpty());
    }

    @Test
    void aRecordingWithoutTheDevicesCacheCannotTell() {
        Scene s = new Scene().copy("copy with cp").command(Op.WRITE, 0, MIB).sync().damaged(0, MIB, SectorClass.ZEROS);
        assertEquals("the command log does not show the device's cache, so a missed destage cannot be seen",
                s.judge(new NoDestageAtRelease()).reasoning());
    }
}
