package dev.orchestrate.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.fault.Fault;
import dev.orchestrate.fault.Faults;
import dev.orchestrate.suite.Location;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Problem;
import dev.orchestrate.suite.Value;
import dev.orchestrate.trace.Op;
import dev.orchestrate.trace.Record;
import dev.orchestrate.trace.TraceReader;
import dev.orchestrate.trace.TraceWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The controller model without FUSE: cache, destage, power cut, and what each fault does to commands. */
class ControllerTest {

    private static final long MIB = 1 << 20;

    @TempDir
    Path dir;

    private final Arena arena = Arena.ofConfined();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final List<Throwable> rigFailures = new CopyOnWriteArrayList<>();
    private Media media;
    private TraceWriter trace;
    private Controller controller;

    private Controller start(long cache) throws IOException {
        return start(cache, 16 * MIB);
    }

    private Controller start(long cache, long size) throws IOException {
        media = new Media(dir.resolve("media.img"), size);
        trace = new TraceWriter(dir.resolve("log.jsonl"));
        controller = new Controller(media, cache, trace, faults, 1, rigFailures::add);
        return controller;
    }

    @AfterEach
    void close() throws IOException {
        assertEquals(List.of(), rigFailures, "the media never failed under the controller");
        if (controller != null) {
            controller.close();
            trace.close();
            media.close();
        }
        arena.close();
    }

    private static Options fault(String kind, String... pairs) {
        Map<String, Value> values = new HashMap<>();
        values.put("kind", new Value(kind, new Location("t", 1, 1)));
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], new Value(pairs[i + 1], new Location("t", 1, 1)));
        }
        List<Problem> problems = new ArrayList<>();
        Options o = Faults.SECTION.resolve(values, Map.of(), new Location("t", 1, 1), problems);
        assertEquals(List.of(), problems);
        return o;
    }

    private void arm(String kind, String... pairs) {
        faults.add(Faults.of(fault(kind, pairs)).orElseThrow());
    }

    private MemorySegment pattern(long length, int seed) {
        MemorySegment s = arena.allocate(length);
        for (long i = 0; i < length; i++) {
            s.set(ValueLayout.JAVA_BYTE, i, (byte) (i * 31 + seed));
        }
        return s;
    }

    private byte[] onMedia(long offset, int length) throws IOException {
        byte[] bytes = new byte[length];
        try (RandomAccessFile raf = new RandomAccessFile(dir.resolve("media.img").toFile(), "r")) {
            raf.seek(offset);
            raf.readFully(bytes);
        }
        return bytes;
    }

    private byte[] throughController(long offset, int length) {
        MemorySegment into = arena.allocate(length);
        assertEquals(0, controller.read(offset, into, length));
        return into.toArray(ValueLayout.JAVA_BYTE);
    }

    private List<Record> log() throws IOException {
        trace.flush();
        return TraceReader.read(dir.resolve("log.jsonl")).records();
    }

    @Test
    void writesStayInTheCacheUntilFsync() throws IOException {
        start(4 * MIB);
        MemorySegment data = pattern(MIB, 1);
        assertEquals(0, controller.write(MIB, data, MIB));
        assertArrayEquals(data.toArray(ValueLayout.JAVA_BYTE), throughController(MIB, (int) MIB), "reads are served from the cache");
        assertArrayEquals(new byte[(int) MIB], onMedia(MIB, (int) MIB), "nothing on the media before a flush");
        assertEquals(0, controller.fsync());
        assertArrayEquals(data.toArray(ValueLayout.JAVA_BYTE), onMedia(MIB, (int) MIB));
        List<Record> log = log();
        assertEquals(List.of(Op.WRITE, Op.READ, Op.DESTAGE, Op.FSYNC), log.stream().map(Record::op).toList());
        assertEquals("fsync", log.get(2).cause());
        assertEquals(MIB, log.get(2).length(), "consecutive blocks are destaged as one run");
    }

    @Test
    void unalignedWritesKeepTheRestOfTheBlock() throws IOException {
        start(4 * MIB);
        controller.write(0, pattern(8192, 3), 8192);
        controller.fsync();
        controller.write(100, pattern(10, 9), 10);
        controller.fsync();
        byte[] expected = pattern(8192, 3).toArray(ValueLayout.JAVA_BYTE);
        System.arraycopy(pattern(10, 9).toArray(ValueLayout.JAVA_BYTE), 0, expected, 100, 10);
        assertArrayEquals(expected, onMedia(0, 8192));
    }

    @Test
    void aFullCacheDestagesUnderPressure() throws IOException {
        start(MIB);
        controller.write(0, pattern(2 * MIB, 5), 2 * MIB);
        assertTrue(log().stream().anyMatch(r -> r.op() == Op.DESTAGE && r.cause().equals("pressure")));
        assertArrayEquals(pattern(2 * MIB, 5).asSlice(0, MIB).toArray(ValueLayout.JAVA_BYTE), onMedia(0, (int) MIB));
    }

    @Test
    void powerCutLosesWhatWasNeverDestagedAndKillsTheController() throws IOException {
        start(4 * MIB);
        controller.write(0, pattern(4096, 1), 4096);
        controller.fsync();
        controller.write(4096, pattern(4096, 2), 4096);
        controller.powerCut();
        assertArrayEquals(pattern(4096, 1).toArray(ValueLayout.JAVA_BYTE), onMedia(0, 4096));
        assertArrayEquals(new byte[4096], onMedia(4096, 4096));
        assertEquals(Controller.EIO, controller.write(0, pattern(512, 1), 512));
        Record cut = log().stream().filter(r -> r.op() == Op.POWER_CUT).findFirst().orElseThrow();
        assertEquals(4096, cut.length(), "the log says how much was lost");
    }

    @Test
    void dirtyDataPastTheMarkIsWrittenBehindBeforeAnyFlushAndSurvivesAPowerCut() throws IOException {
        start(64 * MIB, 64 * MIB);
        MemorySegment data = pattern(Controller.BEHIND, 4);
        for (long at = 0; at < Controller.BEHIND; at += MIB) {
            assertEquals(0, controller.write(at, data.asSlice(at, MIB), MIB));
        }
        assertEquals(0, controller.write(40 * MIB, pattern(4096, 6), 4096), "the next write hands the dirty blocks on");
        controller.settled();
        assertArrayEquals(data.toArray(ValueLayout.JAVA_BYTE), onMedia(0, (int) Controller.BEHIND), "on the media with no flush");
        assertArrayEquals(new byte[4096], onMedia(40 * MIB, 4096), "the write after the mark waits for the next");
        controller.powerCut();
        assertArrayEquals(data.toArray(ValueLayout.JAVA_BYTE), onMedia(0, (int) Controller.BEHIND));
        List<Record> log = log();
        List<Op> ops = log.stream().map(Record::op).toList();
        int behind = ops.indexOf(Op.DESTAGE);
        assertEquals("write-behind", log.get(behind).cause());
        assertEquals(Op.WRITE, ops.get(behind - 1), "logged after the writes it holds");
        assertEquals(List.of(Op.WRITE, Op.POWER_CUT), ops.subList(ops.lastIndexOf(Op.DESTAGE) + 1, ops.size()),
                "and before the one it does not");
        assertEquals(4096, log.getLast().length(), "the power cut lost only the write after the mark");
    }

    @Test
    void aBlockWrittenAgainWhileWrittenBehindKeepsItsNewestBytes() throws IOException {
        start(64 * MIB, 64 * MIB);
        MemorySegment data = pattern(Controller.BEHIND, 4);
        for (long at = 0; at < Controller.BEHIND; at += MIB) {
            controller.write(at, data.asSlice(at, MIB), MIB);
        }
        controller.write(100, pattern(10, 9), 10);
        byte[] expected = data.asSlice(0, 8192).toArray(ValueLayout.JAVA_BYTE);
        System.arraycopy(pattern(10, 9).toArray(ValueLayout.JAVA_BYTE), 0, expected, 100, 10);
        assertArrayEquals(expected, throughController(0, 8192), "the new slot starts from the block being written behind");
        controller.settled();
        assertArrayEquals(expected, throughController(0, 8192), "and outlives it");
        assertEquals(0, controller.fsync());
        assertArrayEquals(expected, onMedia(0, 8192));
    }

    @Test
    void aFaultThatHoldsTheCacheTurnsWritingBehindOff() throws IOException {
        start(64 * MIB, 64 * MIB);
        arm("ignore-flush");
        for (long at = 0; at <= Controller.BEHIND; at += MIB) {
            controller.write(at, pattern(MIB, 2), MIB);
        }
        controller.settled();
        assertArrayEquals(new byte[(int) MIB], onMedia(0, (int) MIB), "a cache that drops flushes holds its data");
        assertTrue(log().stream().noneMatch(r -> r.op() == Op.DESTAGE));
    }

    @Test
    void shutdownDestages() throws IOException {
        start(4 * MIB);
        controller.write(0, pattern(4096, 1), 4096);
        controller.shutdown();
        assertArrayEquals(pattern(4096, 1).toArray(ValueLayout.JAVA_BYTE), onMedia(0, 4096));
    }

    @Test
    void transferLimitZeroesTheBytesPastTheLimitOfLongWrites() throws IOException {
        start(8 * MIB);
        arm("transfer-limit", "longer-than", "512KiB", "from", "272KiB");
        MemorySegment data = pattern(MIB, 7);
        controller.write(0, data, MIB);
        controller.write(2 * MIB, pattern(256 * 1024, 8), 256 * 1024);
        controller.fsync();
        byte[] found = onMedia(0, (int) MIB);
        byte[] expected = data.toArray(ValueLayout.JAVA_BYTE);
        Arrays.fill(expected, 272 * 1024, (int) MIB, (byte) 0);
        assertArrayEquals(expected, found);
        assertArrayEquals(pattern(256 * 1024, 8).toArray(ValueLayout.JAVA_BYTE), onMedia(2 * MIB, 256 * 1024),
                "short writes are untouched");
    }

    @Test
    void ignoreFlushDestagesNothingUntilShutdown() throws IOException {
        start(8 * MIB);
        arm("ignore-flush");
        controller.write(0, pattern(4096, 1), 4096);
        assertEquals(0, controller.fsync(), "the flush reports success");
        assertArrayEquals(new byte[4096], onMedia(0, 4096));
        controller.shutdown();
        assertArrayEquals(pattern(4096, 1).toArray(ValueLayout.JAVA_BYTE), onMedia(0, 4096));
    }

    @Test
    void noTeardownFlushLosesTheCacheAtShutdown() throws IOException {
        start(8 * MIB);
        arm("no-teardown-flush");
        controller.write(0, pattern(4096, 1), 4096);
        controller.shutdown();
        assertArrayEquals(new byte[4096], onMedia(0, 4096));
    }

    @Test
    void misdirectShiftsWritesInTheRange() throws IOException {
        start(8 * MIB);
        arm("misdirect", "from-lba", "0", "to-lba", "100", "shift", "8");
        controller.write(0, pattern(4096, 1), 4096);
        controller.write(MIB, pattern(4096, 2), 4096);
        controller.fsync();
        assertArrayEquals(new byte[4096], onMedia(0, 4096));
        assertArrayEquals(pattern(4096, 1).toArray(ValueLayout.JAVA_BYTE), onMedia(4096, 4096));
        assertArrayEquals(pattern(4096, 2).toArray(ValueLayout.JAVA_BYTE), onMedia(MIB, 4096), "outside the range nothing moves");
    }

    @Test
    void tornWritesKeepOnlyTheirStart() throws IOException {
        start(8 * MIB);
        arm("torn-write", "longer-than", "64KiB", "keep", "16KiB");
        controller.write(0, pattern(128 * 1024, 1), 128 * 1024);
        controller.fsync();
        assertArrayEquals(pattern(16 * 1024, 1).toArray(ValueLayout.JAVA_BYTE), onMedia(0, 16 * 1024));
        assertArrayEquals(new byte[112 * 1024], onMedia(16 * 1024, 112 * 1024));
    }

    @Test
    void bitRotFlipsBitsInWrittenSectorsWhenTheControllerStops() throws IOException {
        start(8 * MIB);
        arm("bit-rot", "sectors", "3");
        MemorySegment data = pattern(MIB, 4);
        controller.write(0, data, MIB);
        controller.fsync();
        controller.shutdown();
        byte[] found = onMedia(0, (int) MIB);
        byte[] expected = data.toArray(ValueLayout.JAVA_BYTE);
        int differing = 0;
        for (int i = 0; i < found.length; i++) {
            differing += Integer.bitCount((found[i] ^ expected[i]) & 0xff);
        }
        assertTrue(differing >= 1 && differing <= 3, differing + " bits differ");
    }

    @Test
    void ioErrorsFailCommandsInTheRange() throws IOException {
        start(8 * MIB);
        arm("io-error", "from-lba", "2048", "to-lba", "4096", "on", "both");
        assertEquals(Controller.EIO, controller.write(MIB, pattern(4096, 1), 4096));
        assertEquals(0, controller.write(0, pattern(4096, 1), 4096));
        assertEquals(Controller.EIO, controller.read(MIB + 512, arena.allocate(512), 512));
        assertEquals(Controller.EIO, log().getFirst().result());
    }

    @Test
    void latencyHoldsMatchingCommands() throws IOException {
        start(8 * MIB);
        arm("latency", "delay", "200ms", "on", "write");
        long started = System.nanoTime();
        controller.write(0, pattern(512, 1), 512);
        assertTrue(System.nanoTime() - started >= 190_000_000L);
        started = System.nanoTime();
        controller.read(0, arena.allocate(512), 512);
        assertTrue(System.nanoTime() - started < 150_000_000L, "reads are not held");
    }

    @Test
    void aPowerOnAfterAnotherSeesNothingOfTheEarlierSessionsCache() throws IOException {
        start(MIB);
        controller.write(0, pattern(MIB, 7), MIB);
        controller.powerCut();
        controller.close();
        // the same memory serves this session; block 0 was never destaged, so the media holds zeros there
        controller = new Controller(media, MIB, trace, faults, 2, rigFailures::add);
        controller.write(512, pattern(512, 3), 512);
        byte[] block = throughController(0, WriteCache.BLOCK);
        assertArrayEquals(new byte[512], Arrays.copyOfRange(block, 0, 512), "the rest of a partial block comes from the media");
        assertArrayEquals(pattern(512, 3).toArray(ValueLayout.JAVA_BYTE), Arrays.copyOfRange(block, 512, 1024));
        assertArrayEquals(new byte[WriteCache.BLOCK - 1024], Arrays.copyOfRange(block, 1024, WriteCache.BLOCK));
    }

    @Test
    void aClosedControllerAnswersNothingFromTheMemoryItGaveUp() throws IOException {
        start(MIB);
        controller.close();
        assertEquals(Controller.EIO, controller.write(0, pattern(4096, 1), 4096));
        assertEquals(Controller.EIO, controller.read(0, arena.allocate(4096), 4096));
    }
}
