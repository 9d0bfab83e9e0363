package dev.orchestrate.dut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.process.Command;
import dev.orchestrate.process.Outcome;
import dev.orchestrate.process.Runner;
import dev.orchestrate.process.Spawned;
import dev.orchestrate.trace.DiskNodes;
import dev.orchestrate.trace.Op;
import dev.orchestrate.trace.Record;
import dev.orchestrate.trace.TraceReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorder's handling of fs_usage, with the process answered by fakes: from the recorded-style
 * output in fixtures/macos, or fed line by line as a live one prints. It has never run on a Mac here.
 */
class FsUsageRecorderTest {

    private static final Path MACOS = Path.of("fixtures/macos");
    private static final DiskNodes DISK5 = new DiskNodes("disk5", 512, Map.of("disk5s1", new DiskNodes.Span(20480, 209715200),
            "disk5s2", new DiskNodes.Span(209735680, 67108864)), Set.of());
    private static final List<String> FS_USAGE = List.of("fs_usage", "-w", "-f", "diskio", "-f", "filesys");

    @TempDir
    Path dir;

    private final SetClock clock = new SetClock("2025-06-03T14:02:10.500Z");
    private final List<List<String>> ran = new ArrayList<>();

    @Test
    void theDisksRowsAndTheStepMarksAreOneLogInTimeOrder() throws IOException {
        FsUsageRecorder recorder = FsUsageRecorder.start(recorded("fs_usage-diskio-disk5.txt", 0), dir, DISK5, clock, false);
        assertEquals(List.of(FS_USAGE), ran);
        clock.at("2025-06-03T14:02:11.200Z");
        recorder.markStep("copy");
        clock.at("2025-06-03T14:02:11.500Z");
        recorder.markStep("sync");
        clock.at("2025-06-03T14:02:12.000Z");
        recorder.markStep("verify");
        List<Record> log = TraceReader.read(recorder.commandLog()).records();
        assertEquals(List.of("read", "read", "read", "step copy", "write", "write", "write", "step sync", "fsync",
                "other DKIOCSYNCHRONIZE barrier", "step verify", "read", "other TrimExtent", "fsync", "write"),
                log.stream().map(r -> r.op().label() + (r.cause().isEmpty() ? "" : " " + r.cause())).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L), log.stream().map(Record::seq).toList());
        assertEquals(new Record(5, 902_118_000L, Op.WRITE, 209735680 + 0xa000 * 512L, 1 << 20, 0, ""), log.get(4));
        assertEquals(new Record(4, 700_000_000L, Op.STEP, 0, 0, 0, "copy"), log.get(3));
        assertEquals(Optional.empty(), recorder.incomplete());
        recorder.close();

        List<String> kept = Files.readAllLines(dir.resolve(FsUsageRecorder.RAW));
        assertEquals("# fs_usage -w -f diskio -f filesys, recording from 2025-06-03T14:02:10.500 (local time); kept: the lines about disk5",
                kept.get(0));
        assertEquals("# disk5, 512-byte blocks; disk5s1 at byte 20480 (209715200 bytes), disk5s2 at byte 209735680 (67108864 bytes);"
                + " stored on it: nothing", kept.get(1));
        assertTrue(kept.stream().noneMatch(l -> l.contains("/dev/disk0s2") || l.contains("/dev/disk50s1") || l.contains(" write ")),
                "rows of other disks and of other calls are not kept");
        assertEquals(2 + 18, kept.size(), "the header, then the fixture less the 8 rows of other disks and calls");
    }

    @Test
    void aRecordingThatMayLackCommandsIsKeptApartAndSaysWhy() throws IOException {
        FsUsageRecorder recorder = FsUsageRecorder.start(recorded("fs_usage-diskio-gaps.txt", 0), dir, DISK5, clock, false);
        recorder.markStep("copy");
        Path log = recorder.commandLog();
        String why = recorder.incomplete().orElseThrow();
        // the line numbers are the kept recording's: its header, then what fs_usage printed less the other disks' rows
        assertTrue(why.startsWith("fs_usage's recording of disk5 cannot vouch for every command the disk received:"
                + " fs_usage.txt line 9: fs_usage lost events (fs_usage: buffer overrun, events generated too quickly);"
                + " fs_usage.txt line 10: WrData[A] failed with errno 5"), why);
        assertTrue(why.contains("(and 1 more). What it could read is in " + dir.resolve(FsUsageRecorder.INCOMPLETE)), why);
        assertFalse(Files.exists(log), "no command log for the diagnosis to read");
        assertEquals(List.of(Op.STEP, Op.WRITE), TraceReader.read(dir.resolve(FsUsageRecorder.INCOMPLETE)).records().stream()
                .map(Record::op).toList());
        recorder.close();
    }

    @Test
    void fsUsageEndingByItselfBreaksTheRigWithItsCommandLineAndWords() {
        FsUsageRecorder recorder = FsUsageRecorder.start(answering(1, "'fs_usage' must be run as root...\n"), dir, DISK5, clock, false);
        RigBroken e = assertThrows(RigBroken.class, () -> recorder.markStep("copy"));
        assertTrue(e.getMessage().startsWith("fs_usage, which records disk5's I/O for the cell's command log, ended by itself:\n"
                + "$ fs_usage -w -f diskio -f filesys\nexit code 1 after 0 ms\n'fs_usage' must be run as root...\n"), e.getMessage());
        assertTrue(e.getMessage().endsWith("set 'command-log: none' in the target to run without the command log"), e.getMessage());
        assertThrows(RigBroken.class, recorder::close, "the cell's teardown says so too");
    }

    @Test
    void aLiveRecordingPrintsLateSoARowStampedBeforeAMarkGoesBeforeItAndItIsStoppedAtTheEnd() throws IOException {
        Live live = new Live();
        FsUsageRecorder recorder = FsUsageRecorder.start(live, dir, DISK5, clock, false);
        clock.at("2025-06-03T14:02:11.500Z");
        recorder.markStep("sync");
        live.print("14:02:11.402118    WrData[A]       D=0x0000a000  B=0x100000 /dev/disk5s2       0.006120 W kernel_task.1820417");
        live.print("14:02:11.600000    RdData[S]       D=0x00000000  B=0x200    /dev/disk5         0.000100 W diskutil.1822001");
        clock.at("2025-06-03T14:02:11.550Z");
        List<Record> log = TraceReader.read(recorder.commandLog()).records();
        assertEquals(List.of(Op.WRITE, Op.STEP, Op.READ), log.stream().map(Record::op).toList());
        assertFalse(live.stopped);
        recorder.close();
        assertTrue(live.stopped);
        recorder.close();
    }

    @Test
    void afterARebootTheCellsLogGoesOnFromWhereItStood() throws IOException {
        FsUsageRecorder first = FsUsageRecorder.start(recorded("fs_usage-diskio-disk5.txt", 0), dir, DISK5, clock, false);
        first.markStep("copy");
        first.close();
        List<Record> before = TraceReader.read(dir.resolve(CommandLogged.FILE)).records();
        clock.at("2025-06-03T14:05:00.000Z");
        FsUsageRecorder resumed = FsUsageRecorder.start(answering(0, ""), dir, DISK5, clock, true);
        resumed.markStep("verify");
        List<Record> log = TraceReader.read(resumed.commandLog()).records();
        assertTrue(Files.exists(dir.resolve("fs_usage-2.txt")), "the new recording is kept beside the first");
        assertEquals(before, log.subList(0, before.size()));
        Record mark = log.getLast();
        assertEquals(before.size() + 1, mark.seq());
        assertEquals("verify", mark.cause());
        assertTrue(mark.nanos() > before.getLast().nanos());
    }

    @Test
    void aPartitionThatMovesDuringTheCellLeavesItsRowsUnplaceable() {
        FsUsageRecorder recorder = FsUsageRecorder.start(recorded("fs_usage-diskio-disk5.txt", 0), dir, DISK5, clock, false);
        recorder.repartitioned(new DiskNodes("disk5", 512, Map.of("disk5s2", new DiskNodes.Span(1 << 20, 1 << 26)), Set.of()));
        recorder.commandLog();
        assertTrue(recorder.incomplete().orElseThrow().contains("disk5s2 moved during the cell, from byte 209735680 to 1048576"),
                recorder.incomplete().orElseThrow());
    }

    /** Answers fs_usage from a fixture, as a fake that cannot leave it running does: all of it at the start. */
    private Runner recorded(String fixture, int exit) {
        try {
            return answering(exit, Files.readString(MACOS.resolve(fixture)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Runner answering(int exit, String output) {
        return command -> {
            ran.add(command.argv());
            return new Outcome(command, exit, Duration.ZERO, output);
        };
    }

    /** A running fs_usage whose lines the test prints when it likes. */
    private static final class Live implements Runner, Spawned {

        private Consumer<String> lines;
        private Command command;
        private boolean stopped;

        @Override
        public Outcome run(Command c) {
            throw new AssertionError("fs_usage is started, not run");
        }

        @Override
        public Spawned start(Command c, Consumer<String> to) {
            this.command = c;
            this.lines = to;
            return this;
        }

        void print(String line) {
            lines.accept(line);
        }

        @Override
        public Optional<Outcome> ended() {
            return stopped ? Optional.of(stop()) : Optional.empty();
        }

        @Override
        public Outcome stop() {
            stopped = true;
            return new Outcome(command, 143, Duration.ZERO, "");
        }
    }

    /** A wall clock the test moves. */
    private static final class SetClock extends Clock {

        private Instant now;

        SetClock(String instant) {
            at(instant);
        }

        void at(String instant) {
            now = Instant.parse(instant);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
