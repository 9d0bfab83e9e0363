package dev.orchestrate.diagnosis;

import static dev.orchestrate.diagnosis.Scene.MIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.data.SectorClass;
import dev.orchestrate.data.Stamp;
import dev.orchestrate.trace.Op;
import org.junit.jupiter.api.Test;

/** A file left at an older generation because the rewriting step sent no writes there. */
class StaleNotRewrittenTest {

    private static Scene rewritten(boolean rewriteWrites) {
        Scene s = new Scene().generation(2).copy("copy with rsync").command(Op.WRITE, 0, MIB).sync().command(Op.FSYNC, 0, 0)
                .copy("copy with rsync --size-only");
        if (rewriteWrites) {
            s.command(Op.WRITE, 0, MIB);
        }
        return s.sync().command(Op.FSYNC, 0, 0).damaged(0, MIB, SectorClass.STALE, new Stamp(1, 1001, 0, 1));
    }

    @Test
    void aRewriteThatSentNoWritesLeavesTheOldGeneration() {
        Scene s = rewritten(false);
        Finding f = s.judge(new StaleNotRewritten()).finding().orElseThrow();
        assertEquals("1 range of file-1.bin hold generation 1, last written by 'copy with rsync' (step 1): WRITE 2, sent during 'copy with "
                + "rsync'; the rewrite to generation 2, 'copy with rsync --size-only' (step 3), sent 0 writes there", f.evidence());
        assertEquals(Defect.STALE_NOT_REWRITTEN, s.diagnosis().defect());
    }

    @Test
    void aRewriteThatWroteThereIsAnotherStory() {
        Rule.Judgement j = rewritten(true).judge(new StaleNotRewritten());
        assertTrue(j.finding().isEmpty());
        assertEquals("'copy with rsync --size-only' sent 1 writes into the stale ranges", j.reasoning());
    }

    @Test
    void zerosAreNotAnOlderGeneration() {
        Scene s = new Scene().generation(2).copy("copy with cp").command(Op.WRITE, 0, MIB).damaged(0, MIB, SectorClass.ZEROS);
        assertTrue(s.judge(new StaleNotRewritten()).finding().isEmpty());
    }
}
