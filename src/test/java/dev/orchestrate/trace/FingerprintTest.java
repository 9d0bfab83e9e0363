package dev.orchestrate.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintTest {

    @TempDir
    Path dir;

    @Test
    void histogramSequentialityAndPicture() throws IOException {
        Path log = dir.resolve("log.jsonl");
        try (TraceWriter w = new TraceWriter(log)) {
            w.log(Op.WRITE, 0, 1 << 20, 0, "");
            w.log(Op.WRITE, 1 << 20, 1 << 20, 0, "");
            w.log(Op.WRITE, 8 << 20, 4096, 0, "");
            w.log(Op.WRITE, 8 << 20, 6000, 0, "");
            w.log(Op.DESTAGE, 0, 2 << 20, 0, "fsync");
            w.log(Op.FSYNC, 0, 0, 0, "");
            w.log(Op.POWER_CUT, 0, 8192, 0, "");
        }
        Fingerprint print = Fingerprint.of(new LogFollower(log));
        assertEquals(new TreeMap<>(Map.of(4096L, 2L, 1L << 20, 2L)), print.writeSizes());
        assertEquals(0.25, print.sequential(), 1e-9);
        String summary = print.summary();
        assertTrue(summary.startsWith("the cell sent 4 writes (2,107,248 bytes, largest 1MiB), 0 reads, 1 fsync"), summary);
        assertTrue(summary.contains("power cut at command 7, dropping 8,192 bytes never destaged"), summary);
        String svg = print.svg();
        assertTrue(svg.startsWith("<svg"));
        assertTrue(svg.contains(">1MiB</text>") && svg.contains(">4KiB</text>"));
        assertTrue(svg.contains("stroke=\"#d00000\""), "the power cut is drawn");
        assertTrue(print.tail().lines().count() == 7);
    }

    @Test
    void setupIsCountedApartAndEachStepGetsItsCommands() throws IOException {
        Path log = dir.resolve("log.jsonl");
        try (TraceWriter w = new TraceWriter(log)) {
            w.log(Op.WRITE, 0, 512 << 10, 0, "");
            w.log(Op.FSYNC, 0, 0, 0, "");
            w.log(Op.STEP, 0, 0, 0, "copy with dd (oflag=dsync)");
            w.log(Op.WRITE, 1 << 20, 65536, 0, "");
            w.log(Op.FSYNC, 0, 0, 0, "");
            w.log(Op.WRITE, (1 << 20) + 65536, 65536, 0, "");
            w.log(Op.FSYNC, 0, 0, 0, "");
            w.log(Op.STEP, 0, 0, 0, "sync");
            w.log(Op.FSYNC, 0, 0, 0, "");
        }
        Fingerprint print = Fingerprint.of(new LogFollower(log));
        List<Fingerprint.Phase> phases = print.phases();
        assertEquals(List.of("setup (before the first step)", "copy with dd (oflag=dsync)", "sync"),
                phases.stream().map(Fingerprint.Phase::title).toList());
        assertEquals(List.of(2, 4, 1), phases.stream().map(p -> p.records().size()).toList());
        assertEquals(new TreeMap<>(Map.of(65536L, 2L)), print.writeSizes(), "the setup's 512 KiB write is not the cell's");
        assertEquals(0.5, print.sequential(), 1e-9);
        String summary = print.summary();
        assertTrue(summary.contains("copy with dd (oflag=dsync)                              2         131,072       2       0"), summary);
        assertTrue(print.svg().contains(">copy with dd (oflag=dsync)</text>"), "steps are labelled in the picture");
    }
}
