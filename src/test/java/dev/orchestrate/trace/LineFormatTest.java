package dev.orchestrate.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A driver's own log read through a declared line format. */
class LineFormatTest {

    static final Path TRAP = Path.of("src/test/resources/trace/trap.log");
    static final Path BY_OPCODE = Path.of("formats/kext-check.yaml");
    static final Path BY_NAME = Path.of("src/test/resources/trace/trap-format.yaml");
    private static final String KEXT = "[ProcessParallelTask] [KEXT_CHECK] ";

    @TempDir
    Path dir;

    private static Record r(long line, Op op, long offset, long length, String cause) {
        return new Record(line, 0, op, offset, length, 0, cause);
    }

    private LineFormat format(String yaml) throws IOException, LineFormat.Invalid {
        return LineFormat.load(Files.writeString(dir.resolve("format.yaml"), yaml));
    }

    private Path log(String text) throws IOException {
        return Files.writeString(dir.resolve("driver.log"), text);
    }

    @Test
    void theTrapLogIsOneRecordPerCommandNumberedByItsLine() throws Exception {
        TraceReader.Log log = LineFormat.load(BY_OPCODE).read(TRAP);
        assertEquals(List.of(), log.problems());
        assertEquals(List.of(
                r(2, Op.OTHER, 0, 0, "TEST UNIT READY"),
                r(3, Op.OTHER, 0, 36, "INQUIRY"),
                r(4, Op.READ, 0, 4096, ""),
                r(5, Op.WRITE, 0, 524_288, ""),
                r(6, Op.WRITE, 524_288, 524_288, ""),
                r(7, Op.WRITE, 1_048_576, 393_216, ""),
                r(8, Op.FSYNC, 0, 0, ""),
                r(9, Op.OTHER, 0, 0, "TEST UNIT READY"),
                r(10, Op.WRITE, 2_097_152, 524_288, ""),
                r(11, Op.WRITE, 2_621_440, 524_288, ""),
                r(12, Op.WRITE, 3_145_728, 393_216, ""),
                r(13, Op.FSYNC, 0, 0, ""),
                r(14, Op.READ, 2_097_152, 65_536, "")), log.records());
    }

    @Test
    void byNameOrByOpcodeTheTrapLogIsTheSameCommands() throws Exception {
        TraceReader.Log byName = LineFormat.load(BY_NAME).read(TRAP);
        assertEquals(List.of(), byName.problems());
        assertEquals(LineFormat.load(BY_OPCODE).read(TRAP).records(), byName.records());
    }

    @Test
    void everySelectedLineThatCannotBeReadIsNamedByItsNumber() throws Exception {
        TraceReader.Log log = LineFormat.load(BY_OPCODE).read(log(String.join("\n",
                KEXT + "session start",
                KEXT + "WRITE (0x2a) | T:0 L:0 | LBA: 2048 | Size: 524288 bytes",
                KEXT + "WRITE (0x2a) | T:0 L:0 | Size: 524288 bytes",
                KEXT + "MODE SENSE (0x1a) | T:0 L:0 | LBA: 0 | Size: 192 bytes",
                "",
                KEXT + "WRITE (0x2a) | T:0 L:0 | LBA: -8 | Size: 524288 bytes",
                KEXT + "READ (0x28) | T:0 L:0 | LBA: 8 | Size: 4096 bytes")));
        assertEquals(List.of(r(2, Op.WRITE, 1_048_576, 524_288, ""), r(7, Op.READ, 4096, 4096, "")), log.records());
        assertEquals(3, log.problems().size(), log.problems().toString());
        assertEquals("driver.log line 3: does not match the format's 'line': " + KEXT + "WRITE (0x2a) | T:0 L:0 | Size: 524288 bytes",
                log.problems().get(0));
        assertTrue(log.problems().get(1).startsWith("driver.log line 4: unknown SCSI opcode 0x1a; known: 0x00,"), log.problems().get(1));
        assertTrue(log.problems().get(2).startsWith("driver.log line 6: does not match"), log.problems().get(2));
    }

    @Test
    void withoutSelectEveryLineButTheIgnoredOnesIsACommand() throws Exception {
        TraceReader.Log log = LineFormat.load(BY_NAME).read(log(String.join("\n",
                KEXT + "session start",
                KEXT + "task queued",
                KEXT + "WRITE (0x2a) | T:0 L:0 | LBA: 2048 | Size: 524288 bytes")));
        assertEquals(List.of("driver.log line 2: does not match the format's 'line': " + KEXT + "task queued"), log.problems());
        assertEquals(1, log.records().size());
    }

    @Test
    void blkparsesDefaultOutputIsTheIssuedRequests() throws Exception {
        TraceReader.Log log = LineFormat.load(Path.of("formats/blkparse.yaml")).read(Path.of("src/test/resources/trace/blkparse.txt"));
        assertEquals(List.of(), log.problems());
        assertEquals(List.of(new Record(4, 5_102L, Op.WRITE, 1_048_576, 524_288, 0, ""),
                new Record(6, 402_000L, Op.WRITE, 1_572_864, 524_288, 0, ""),
                new Record(8, 1_000_000L, Op.FSYNC, 0, 0, 0, ""),
                new Record(9, 1_200_000L, Op.WRITE, 2_097_152, 4096, 0, ""),
                new Record(10, 2_000_000L, Op.DISCARD, 0, 1_048_576, 0, ""),
                new Record(11, 2_500_000L, Op.READ, 4096, 4096, 0, "")), log.records());
    }

    @Test
    void blocksBytesResultsAndTimesInTheUnitsTheFormatDeclares() throws Exception {
        LineFormat format = format("""
                line: '(?<time>[\\d.]+) (?<op>\\w+) off=(?<offset>\\S+) blocks=(?<blocks>\\S+) status=(?<result>-?\\d+)'
                block-size: 4KiB
                time-unit: s
                """);
        TraceReader.Log log = format.read(log("""
                12.5 write off=0x100000 blocks=16 status=0
                12.000000001 read off=1,048,576 blocks=1 status=-5
                13 sync off=0 blocks=0 status=0
                """));
        assertEquals(List.of("driver.log line 3: unknown operation 'sync'; declare it under 'ops' in the format"), log.problems());
        assertEquals(List.of(new Record(1, 12_500_000_000L, Op.WRITE, 1_048_576, 65_536, 0, ""),
                new Record(2, 12_000_000_001L, Op.READ, 1_048_576, 4096, -5, "")), log.records());
    }

    @Test
    void aReadOrWriteNeedsItsPositionAndLengthOthersDoNot() throws Exception {
        LineFormat format = format("""
                line: '(?<op>[A-Z ]+?)(?: lba (?<lba>\\d+))?(?: len (?<length>\\d+))?'
                ops:
                  MODE SENSE: other
                """);
        TraceReader.Log log = format.read(log("""
                SYNCHRONIZE CACHE
                WRITE len 4096
                READ lba 8
                MODE SENSE len 192
                """));
        assertEquals(List.of("driver.log line 2: a WRITE with no 'lba'", "driver.log line 3: a READ with no 'length'"), log.problems());
        assertEquals(List.of(r(1, Op.FSYNC, 0, 0, ""), r(4, Op.OTHER, 0, 192, "MODE SENSE")), log.records());
    }
}
