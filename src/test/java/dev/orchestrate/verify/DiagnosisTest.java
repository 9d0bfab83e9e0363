package dev.orchestrate.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.data.SectorClass;
import dev.orchestrate.data.Stamp;
import dev.orchestrate.trace.Op;
import dev.orchestrate.trace.Record;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each diagnosis rule on a synthetic command log, and the cases where it must stay silent. */
class DiagnosisTest {

    private static final long MIB = 1 << 20;
    private long seq;
    private final List<Record> log = new ArrayList<>();

    private void command(Op op, long offset, long length, String cause) {
        seq++;
        log.add(new Record(seq, seq * 1000, op, offset, length, 0, cause));
    }

    private static DamagedRange range(long device, long length, SectorClass kind) {
        return new DamagedRange("file-1.bin", device, device + length, device / 512, kind, kind.label(), "x", null);
    }

    @Test
    void damageAtOneOffsetInsideLongWritesIsATransferLengthLimit() {
        for (long at = 0; at < 4 * MIB; at += MIB) {
            command(Op.WRITE, at, MIB, "");
        }
        command(Op.WRITE, 8 * MIB, 256 * 1024, "");
        command(Op.DESTAGE, 0, 9 * MIB, "fsync");
        command(Op.FSYNC, 0, 0, "");
        List<DamagedRange> ranges = List.of(range(278_528, MIB - 278_528, SectorClass.ZEROS),
                range(MIB + 278_528, MIB - 278_528, SectorClass.ZEROS), range(3 * MIB + 278_528, MIB - 278_528, SectorClass.ZEROS));
        Diagnosis d = Diagnosis.of(ranges, List.of(), log, 512);
        assertEquals(List.of("transfer-length limit (or writes torn at a fixed length): all 3 damaged ranges start 278,528 bytes into "
                + "WRITEs of 1,048,576 bytes or more; none of the 1 shorter WRITEs is damaged"), d.findings());
    }

    @Test
    void damageAtDifferentOffsetsIsNotATransferLengthLimit() {
        command(Op.WRITE, 0, MIB, "");
        command(Op.WRITE, MIB, MIB, "");
        command(Op.DESTAGE, 0, 2 * MIB, "fsync");
        Diagnosis d = Diagnosis.of(List.of(range(4096, 512, SectorClass.DAMAGED), range(MIB + 700_000, 512, SectorClass.DAMAGED)),
                List.of(), log, 512);
        assertEquals(List.of(), d.findings(), "bit flips at random places explain nothing about transfer lengths");
        assertTrue(d.reasoning().contains("transfer-length: the damaged ranges start at 2 different offsets inside their commands"),
                d.reasoning().toString());
        assertTrue(d.text().startsWith("no rule explains the damage"));
    }

    @Test
    void writtenButNeverDestagedDespiteAcknowledgedFlushesIsAnUnflushedCache() {
        command(Op.WRITE, 0, MIB, "");
        command(Op.FSYNC, 0, 0, "");
        command(Op.FSYNC, 0, 0, "");
        command(Op.POWER_CUT, 0, MIB, "");
        Diagnosis d = Diagnosis.of(List.of(range(0, MIB, SectorClass.ZEROS)), List.of(), log, 512);
        assertTrue(d.findings().contains("write cache not flushed: all 1 damaged ranges were written but never destaged to the media; "
                + "at least 2 flushes after those writes were acknowledged"), d.findings().toString());
    }

    @Test
    void destagedDataIsNotAnUnflushedCache() {
        command(Op.WRITE, 0, MIB, "");
        command(Op.DESTAGE, 0, MIB, "fsync");
        command(Op.FSYNC, 0, 0, "");
        Diagnosis d = Diagnosis.of(List.of(range(4096, 4096, SectorClass.DAMAGED)), List.of(), log, 512);
        assertTrue(d.findings().stream().noneMatch(f -> f.startsWith("write cache not flushed")), d.findings().toString());
    }

    @Test
    void rangesNoWriteEverCoveredWereLostBeforeTheDevice() {
        command(Op.WRITE, 0, 4096, "");
        Diagnosis d = Diagnosis.of(List.of(range(8 * MIB, MIB, SectorClass.ZEROS)), List.of(), log, 512);
        assertEquals("lost before reaching the device: no write command ever covered any of the 1 damaged ranges", d.findings().getFirst());
    }

    @Test
    void ownSectorsAFixedDistanceAwayAreMisdirectedWrites() {
        DamagedRange a = new DamagedRange("file-1.bin", 8192, 65536, 16, SectorClass.MISPLACED, "m", "x", new Stamp(1, 1001, 4096, 1));
        DamagedRange b = new DamagedRange("file-1.bin", 131072, 140000, 256, SectorClass.MISPLACED, "m", "x",
                new Stamp(1, 1001, 126976, 1));
        command(Op.WRITE, 0, 4 * MIB, "");
        Diagnosis d = Diagnosis.of(List.of(a, b), List.of(), log, 512);
        assertTrue(d.findings().contains("misdirected writes: 2 ranges in the files hold sectors found intact 4,096 bytes (8 LBAs) after "
                + "their own place, which does not hold them; the writes landed that far away"), d.findings().toString());
    }

    @Test
    void whereMisdirectedWritesLandedOutsideTheFilesIsNamed() {
        // the file's first 4 KiB are zeros; its sectors turn up 8 LBAs further on, the last ones past the file's end
        DamagedRange zeros = new DamagedRange("file-1.bin", 0, 4096, 2048, SectorClass.ZEROS, "zeros", "x", null);
        DamagedRange shifted = new DamagedRange("file-1.bin", 4096, MIB, 2056, SectorClass.MISPLACED, "m", "x", new Stamp(1, 1001, 0, 1));
        Stray landed = new Stray(MIB + MIB, MIB + MIB + 4096, 512, SectorClass.MISPLACED, new Stamp(1, 1001, MIB - 4096, 1),
                (2 * MIB - 4096) / 512, "file-1.bin", "its own place does not hold it");
        command(Op.WRITE, MIB, MIB, "");
        Diagnosis d = Diagnosis.of(List.of(zeros, shifted), List.of(landed), log, 512);
        assertTrue(d.findings().contains("misdirected writes: 1 range in the files and 1 outside them hold sectors found intact "
                + "4,096 bytes (8 LBAs) after their own place, which does not hold them; the writes landed that far away; "
                + "outside the files they landed at LBA 4,096..4,103"), d.findings().toString());
    }

    @Test
    void copiesOfIntactSectorsInsideAFileAreDuplicatedWrites() {
        DamagedRange copy = new DamagedRange("file-1.bin", 65536, 69632, 2176, SectorClass.DUPLICATED, "c", "x", new Stamp(1, 1001, 0, 1));
        Stray outside = new Stray(8 * MIB, 8 * MIB + 4096, 512, SectorClass.DUPLICATED, new Stamp(1, 1001, 0, 1), 2048,
                "file-1.bin", "held");
        command(Op.WRITE, MIB, MIB, "");
        Diagnosis d = Diagnosis.of(List.of(copy), List.of(outside), log, 512);
        assertTrue(d.findings().contains("duplicated writes: 1 range in the files and 1 outside them hold copies of sectors that are also "
                + "intact at their own place; the data was written twice, once over other data"), d.findings().toString());
        assertTrue(d.findings().stream().noneMatch(f -> f.startsWith("misdirected")), "a copy is not a write that went astray");
    }

    @Test
    void copiesOutsideTheFilesAloneAreNotDuplicatedWrites() {
        // a rewrite left the old blocks behind; the file's own damage is something else
        Stray freed = new Stray(8 * MIB, 8 * MIB + MIB, 512, SectorClass.DUPLICATED, new Stamp(1, 1001, 0, 1), 2048, "file-1.bin", "held");
        command(Op.WRITE, 0, MIB, "");
        Diagnosis d = Diagnosis.of(List.of(range(4096, 4096, SectorClass.ZEROS)), List.of(freed), log, 512);
        assertTrue(d.findings().stream().noneMatch(f -> f.startsWith("duplicated")), d.findings().toString());
        assertTrue(d.reasoning().contains("duplicated: 0 ranges in the files and 1 outside them hold copies of sectors intact at their "
                + "own place (copies outside the files alone may be blocks a file system freed)"), d.reasoning().toString());
    }

    @Test
    void withoutDeviceAddressesNothingIsCorrelated() {
        DamagedRange noLba = new DamagedRange("file-1.bin", 0, 4096, -1, SectorClass.ZEROS, "zeros", "x", null);
        Diagnosis d = Diagnosis.of(List.of(noLba), List.of(), log, 512);
        assertEquals(List.of(), d.findings());
    }
}
