package dev.orchestrate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HexDiffTest {

    @Test
    void marksDifferingRowsAndBytesAndFoldsTheRest() {
        byte[] expected = new byte[64];
        byte[] found = new byte[64];
        for (int i = 0; i < 64; i++) {
            expected[i] = (byte) i;
            found[i] = (byte) i;
        }
        found[33] = (byte) 0xff;
        String text = HexDiff.render("file-1.bin at offset 4096", 4096, expected, found);
        assertTrue(text.contains("      ... 2 identical rows ..."), text);
        assertTrue(text.contains("! 00001020 expected  20  21  22 "), text);
        assertTrue(text.contains("found     20 [ff] 22 "), text);
        assertEquals(1, text.lines().filter(l -> l.startsWith("! ")).count());
    }

    @Test
    void longDifferencesAreCutShort() {
        byte[] expected = new byte[4096];
        Arrays.fill(expected, (byte) 0x5a);
        String text = HexDiff.render("t", 0, expected, new byte[4096]);
        assertEquals(HexDiff.MAX_DIFFERING_ROWS, text.lines().filter(l -> l.startsWith("! ")).count());
        assertTrue(text.contains("... " + (256 - HexDiff.MAX_DIFFERING_ROWS) + " more differing rows not shown ..."), text);
    }

    @Test
    void saysWhenNothingWasFound() {
        String text = HexDiff.render("t", 0, new byte[16], new byte[0]);
        assertTrue(text.contains("nothing found past byte 0"), text);
        assertTrue(text.contains(" -- "), text);
    }
}
