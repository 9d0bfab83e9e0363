package dev.orchestrate.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExcerptTest {

    private static Record r(long seq, Op op, long offset, long length, String cause) {
        return new Record(seq, seq * 1_000_000, op, offset, length, 0, cause);
    }

    @Test
    void namesTheWriteThatCoveredTheRangeAndWhereInsideItTheRangeStarts() {
        List<Record> log = List.of(
                r(1, Op.FAULT, 0, 0, "transfer-limit"),
                r(2, Op.WRITE, 0, 4096, ""),
                r(3, Op.WRITE, 1 << 20, 1 << 20, ""),
                r(4, Op.FSYNC, 0, 0, ""),
                r(5, Op.DESTAGE, 1 << 20, 8 << 20, "fsync"),
                r(6, Op.DESTAGE, 64 << 20, 4096, "fsync"));
        String text = Excerpt.of(log, (1 << 20) + 278_528, 2 << 20);
        List<String> lines = text.lines().filter(l -> l.startsWith("#")).toList();
        assertEquals(4, lines.size(), text);
        assertTrue(lines.get(0).contains("fault") && lines.get(0).endsWith(": transfer-limit"), text);
        assertTrue(lines.get(1).startsWith("#3 ") && lines.get(1).endsWith("the range starts 278,528 bytes into this command"), text);
        assertTrue(lines.get(2).contains("fsync"), text);
        assertTrue(lines.get(3).contains("destage") && lines.get(3).endsWith("(fsync)"), text);
    }

    @Test
    void saysWhenNoWriteEverCoveredTheRange() {
        String text = Excerpt.of(List.of(r(1, Op.WRITE, 0, 4096, ""), r(2, Op.FSYNC, 0, 0, "")), 1 << 20, 2 << 20);
        assertTrue(text.contains("no write command ever covered these bytes"), text);
        assertTrue(text.lines().noneMatch(l -> l.startsWith("#")), "a flush with no write before it in the range is not listed");
    }

    @Test
    void commandsThatMoveNoDataAreNotTakenForWrites() {
        List<Record> log = List.of(r(1, Op.OTHER, 0, 36, "INQUIRY"), r(2, Op.WRITE, 4096, 4096, ""));
        String text = Excerpt.of(log, 0, 512);
        assertTrue(text.contains("no write command ever covered these bytes"), text);
        assertTrue(text.lines().noneMatch(l -> l.startsWith("#")), text);
    }
}
