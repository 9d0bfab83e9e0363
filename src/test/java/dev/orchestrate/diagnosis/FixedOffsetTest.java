package dev.orchestrate.diagnosis;

import static dev.orchestrate.diagnosis.Scene.MIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.data.SectorClass;
import dev.orchestrate.trace.Op;
import org.junit.jupiter.api.Test;

/** Torn writes and transfer-length damage, told apart by the evidence or said to be indistinguishable. */
class FixedOffsetTest {

    private static final long K = 278_528;

    private static Scene longWritesDamagedAt(long k) {
        Scene s = new Scene().copy("copy with cp");
        for (long at = 0; at < 4 * MIB; at += MIB) {
            s.command(Op.WRITE, at, MIB).damaged(at + k, MIB - k, SectorClass.ZEROS);
        }
        return s;
    }

    @Test
    void intactWritesLongerThanTheOffsetButShorterThanTheDamagedOnesShowALengthLimit() {
        Scene s = longWritesDamagedAt(K).command(Op.WRITE, 4 * MIB, 512 * 1024).command(Op.WRITE, 6 * MIB, 4096);
        Finding f = s.judge(new FixedOffset()).finding().orElseThrow();
        assertEquals(Defect.TRANSFER_LENGTH, f.defect());
        assertEquals("all 4 ranges start 278,528 bytes into their WRITEs, all of 1,048,576 bytes or more; 1 WRITE over the files between "
                + "278,528 and 1,048,576 bytes long kept its bytes past 278,528: the damage follows the command's length; none of the 2 "
                + "shorter WRITEs is damaged; the damage lies only in WRITEs longer than 512KiB, the longest intact one, from 272KiB "
                + "inside each command; the fix: publish a maximum transfer of 512KiB or less", f.evidence());
    }

    @Test
    void damagedWritesOfSeveralLengthsThatAllKeptTheirFirstBytesAreTorn() {
        Scene s = new Scene().copy("copy with cp").command(Op.WRITE, 0, MIB).damaged(16384, MIB - 16384, SectorClass.STALE)
                .command(Op.WRITE, MIB, 256 * 1024).damaged(MIB + 16384, 256 * 1024 - 16384, SectorClass.STALE);
        Finding f = s.judge(new FixedOffset()).finding().orElseThrow();
        assertEquals(Defect.TORN_WRITE, f.defect());
        assertTrue(f.evidence().contains("of 2 different lengths (262,144 to 1,048,576 bytes): each kept its first 16,384 bytes whatever"
                + " its length"), f.evidence());
    }

    @Test
    void damagedWritesOfOneLengthWithNothingBetweenCannotBeToldApart() {
        Finding f = longWritesDamagedAt(K).judge(new FixedOffset()).finding().orElseThrow();
        assertEquals(Defect.TORN_OR_TRANSFER_LENGTH, f.defect());
        assertTrue(f.evidence().contains("leave the same evidence"), f.evidence());
    }

    @Test
    void anIntactWriteOutsideTheFilesIsNoEvidenceOfALengthLimit() {
        // 9 MiB is past the only verified file: what it held is unknown
        Finding f = longWritesDamagedAt(K).command(Op.WRITE, 9 * MIB, 512 * 1024).judge(new FixedOffset()).finding().orElseThrow();
        assertEquals(Defect.TORN_OR_TRANSFER_LENGTH, f.defect());
    }

    @Test
    void damageAtDifferentOffsetsInsideCommandsIsNeither() {
        Scene s = new Scene().command(Op.WRITE, 0, MIB).command(Op.WRITE, MIB, MIB)
                .damaged(4096, MIB - 4096, SectorClass.ZEROS).damaged(MIB + 700_416, MIB - 700_416, SectorClass.ZEROS);
        Rule.Judgement j = s.judge(new FixedOffset());
        assertTrue(j.finding().isEmpty());
        assertEquals("the damaged ranges start at 2 different offsets inside their commands", j.reasoning());
    }

    @Test
    void damageInsideACommandThatStopsBeforeItsEndIsNoLostTail() {
        // one range always has one offset: what makes it a tail is that the rest of the command is gone
        Scene s = new Scene().command(Op.WRITE, 0, MIB).damaged(4096, 512, SectorClass.ZEROS);
        Rule.Judgement j = s.judge(new FixedOffset());
        assertTrue(j.finding().isEmpty());
        assertEquals("1 of 1 damaged ranges are not missing data that runs to the end of the command that wrote it", j.reasoning());
    }

    @Test
    void damageAtTheStartOfEveryCommandIsNeither() {
        Rule.Judgement j = longWritesDamagedAt(0).judge(new FixedOffset());
        assertTrue(j.finding().isEmpty());
        assertTrue(j.reasoning().endsWith("(all at the start of a command)"), j.reasoning());
    }

    @Test
    void aTailThatTheNextCommandWroteOverIsStillALostTail() {
        // 10 KiB records written as 12 KiB of pages: each write's last page is written again by the next one
        Scene s = new Scene().copy("copy with tar");
        for (long at = 0; at < 10 * 10240; at += 10240) {
            long page = at / 4096 * 4096;
            long next = (at + 10240) / 4096 * 4096;
            s.command(Op.WRITE, page, 12288).damaged(page + 4096, next - page - 4096, SectorClass.ZEROS);
        }
        assertTrue(s.judge(new FixedOffset()).finding().isPresent(), s.judge(new FixedOffset()).reasoning());
    }

    @Test
    void whenTheVerdictListedOnlyTheFirstRangesNoWriteIsShownIntact() {
        Scene s = longWritesDamagedAt(K).command(Op.WRITE, 4 * MIB, 512 * 1024).cut();
        assertEquals(Defect.TORN_OR_TRANSFER_LENGTH, s.judge(new FixedOffset()).finding().orElseThrow().defect());
    }

    /** The field case at half scale: 1 MiB writes lose their bytes from 528 KiB; the file's last write, of 512 KiB, is intact. */
    private static Scene fieldCase() {
        return longWritesDamagedAt(528 * 1024).command(Op.WRITE, 4 * MIB, 512 * 1024);
    }

    @Test
    void damageOnlyInWritesLongerThanTheLongestIntactOneNamesTheOffsetAndTheFix() {
        Finding f = fieldCase().judge(new FixedOffset()).finding().orElseThrow();
        // K lies past the intact write: nothing tells a tear after 528 KiB from a limit, and the fix does not change that
        assertEquals(Defect.TORN_OR_TRANSFER_LENGTH, f.defect());
        assertTrue(f.evidence().endsWith("; the damage lies only in WRITEs longer than 512KiB, the longest intact one, from 528KiB inside "
                + "each command; the fix: publish a maximum transfer of 512KiB or less"), f.evidence());
    }

    @Test
    void aWriteThatALaterOneWroteOverShowsNothingIntact() {
        // the 768 KiB write's bytes were written again: what it left is not known
        Scene s = new Scene().copy("copy with cp").command(Op.WRITE, 4 * MIB, 768 * 1024);
        for (long at = 0; at < 4 * MIB; at += MIB) {
            s.command(Op.WRITE, at, MIB).damaged(at + 528 * 1024, MIB - 528 * 1024, SectorClass.ZEROS);
        }
        s.command(Op.WRITE, 4 * MIB, 512 * 1024).command(Op.WRITE, 4 * MIB + 512 * 1024, 256 * 1024);
        assertTrue(s.judge(new FixedOffset()).finding().orElseThrow().evidence()
                .endsWith("the fix: publish a maximum transfer of 512KiB or less"));
    }

    @Test
    void aPublishedLimitThatLetsTheDamagedWritesThroughIsNamedBesideTheFix() {
        Finding f = fieldCase().publishes(MIB).judge(new FixedOffset()).finding().orElseThrow();
        assertEquals(fieldCase().judge(new FixedOffset()).finding().orElseThrow().defect(), f.defect(), "a known limit is no evidence");
        assertTrue(f.evidence().endsWith("from 528KiB inside each command; the target publishes a maximum transfer of 1MiB, which lets "
                + "these commands through; the fix: publish a maximum transfer of 512KiB or less"), f.evidence());
    }

    @Test
    void aHostThatSendsLongerWritesThanTheTargetPublishesIsNotFixedByALowerLimit() {
        Finding f = fieldCase().publishes(512 * 1024).judge(new FixedOffset()).finding().orElseThrow();
        assertTrue(f.evidence().endsWith("the target publishes a maximum transfer of 512KiB, yet received WRITEs of up to 1MiB: the host "
                + "does not keep to it"), f.evidence());
    }

    @Test
    void withoutAnIntactWriteOverTheFilesNoLengthIsShownSafe() {
        Finding f = longWritesDamagedAt(K).publishes(MIB).judge(new FixedOffset()).finding().orElseThrow();
        assertFalse(f.evidence().contains("publish"), f.evidence());
    }

    @Test
    void anIntactWriteLongerThanTheDamagedOnesShowsNoLimitThatKeepsThemWhole() {
        Finding f = longWritesDamagedAt(K).command(Op.WRITE, 4 * MIB, 2 * MIB).judge(new FixedOffset()).finding().orElseThrow();
        assertFalse(f.evidence().contains("the fix"), f.evidence());
    }

    @Test
    void tornWritesOfSeveralLengthsStayTornWithTheFixNamed() {
        Scene s = new Scene().copy("copy with cp").command(Op.WRITE, 0, MIB).damaged(16384, MIB - 16384, SectorClass.STALE)
                .command(Op.WRITE, MIB, 256 * 1024).damaged(MIB + 16384, 256 * 1024 - 16384, SectorClass.STALE)
                .command(Op.WRITE, 2 * MIB, 8192).publishes(MIB);
        Finding f = s.judge(new FixedOffset()).finding().orElseThrow();
        assertEquals(Defect.TORN_WRITE, f.defect());
        assertTrue(f.evidence().endsWith("longer than 8KiB, the longest intact one, from 16KiB inside each command; the target publishes "
                + "a maximum transfer of 1MiB, which lets these commands through; the fix: publish a maximum transfer of 8KiB or less"),
                f.evidence());
    }
}
