package dev.orchestrate.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
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
        Fingerprint print = Fingerprint.of(log);
        assertEquals(new TreeMap<>(Map.of(4096L, 2L, 1L << 20, 2L)), print.writeSizes());
        assertEquals(0.25, print.sequential(), 1e-9);
        String summary = print.summary();
        assertTrue(summary.startsWith("writes 4 (2,107,248 bytes, largest 1MiB), reads 0, fsync 1"), summary);
        assertTrue(summary.contains("power cut at command 7, dropping 8,192 bytes never destaged"), summary);
        String svg = print.svg();
        assertTrue(svg.startsWith("<svg"));
        assertTrue(svg.contains(">1MiB</text>") && svg.contains(">4KiB</text>"));
        assertTrue(svg.contains("stroke=\"#d00000\""), "the power cut is drawn");
        assertTrue(print.tail().lines().count() == 7);
    }
}
