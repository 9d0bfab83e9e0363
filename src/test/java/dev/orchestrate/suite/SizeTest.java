package dev.orchestrate.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SizeTest {

    @Test
    void parsesPlainAndBinaryUnits() {
        assertEquals(512, Size.parse("512").bytes());
        assertEquals(4096, Size.parse("4KiB").bytes());
        assertEquals(256L << 20, Size.parse("256MiB").bytes());
        assertEquals(5L << 30, Size.parse("5GiB").bytes());
        assertEquals(2L << 40, Size.parse("2 TiB").bytes());
        assertEquals(100, Size.parse("100B").bytes());
    }

    @Test
    void rejectsAmbiguousDecimalUnitsWithTheBinaryForm() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Size.parse("4KB"));
        assertTrue(e.getMessage().contains("write 4KiB"), e.getMessage());
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> Size.parse("big"));
        assertThrows(IllegalArgumentException.class, () -> Size.parse("4 parsecs"));
        assertThrows(IllegalArgumentException.class, () -> Size.parse("-1"));
    }

    @Test
    void hugeSizesAndZeroDurationsAreBadInputNotCrashes() {
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class, () -> Size.parse("99999999999TiB"));
        assertTrue(big.getMessage().contains("too large"), big.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Size.parse("99999999999999999999999"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Key.duration("0s")).getMessage().contains("at least 1ms"));
        assertThrows(IllegalArgumentException.class, () -> Key.duration("9999999999999999h"));
        assertEquals(Duration.ofMinutes(10), Key.duration("10m"));
    }

    @Test
    void printsTheShortestExactForm() {
        assertEquals("4KiB", new Size(4096).toString());
        assertEquals("1000", new Size(1000).toString());
        assertEquals("1028KiB", new Size(1028 * 1024).toString());
        assertEquals("1,064,960", Size.grouped(1_064_960));
    }
}
