package dev.orchestrate.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SectorFormatTest {

    private static final Stamp STAMP = new Stamp(0x1234_5678_9ABC_DEF0L, 2001, 1_064_960, 3);

    @ParameterizedTest
    @ValueSource(ints = {512, 4096})
    void headerRoundTrips(int size) {
        SectorFormat format = new SectorFormat(size);
        byte[] sector = format.expected(STAMP);
        assertEquals(size, sector.length);
        SectorFormat.Header header = format.header(sector, 0);
        assertEquals(STAMP, header.stamp());
        assertEquals(SectorFormat.VERSION, header.version());
        assertEquals(size, header.sectorSize());
        assertTrue(format.crcValid(sector, 0));
    }

    @Test
    void startsWithTheMagicInAscii() {
        byte[] sector = new SectorFormat(512).expected(STAMP);
        assertEquals("orchSTMP", new String(sector, 0, 8, StandardCharsets.US_ASCII));
    }

    @Test
    void encodesAtAnOffsetInALargerBuffer() {
        SectorFormat format = new SectorFormat(512);
        byte[] buffer = new byte[2048];
        format.encode(STAMP, buffer, 1024);
        assertEquals(STAMP, format.header(buffer, 1024).stamp());
        assertArrayEquals(format.expected(STAMP), Arrays.copyOfRange(buffer, 1024, 1536));
    }

    @Test
    void anyChangedByteBreaksTheCrc() {
        SectorFormat format = new SectorFormat(512);
        for (int at : new int[] {0, 20, 59, 64, 300, 511}) {
            byte[] sector = format.expected(STAMP);
            sector[at] ^= 0x40;
            assertFalse(format.crcValid(sector, 0), "byte " + at);
        }
    }

    @Test
    void payloadDependsOnEveryField() {
        SectorFormat format = new SectorFormat(512);
        byte[] base = format.expected(STAMP);
        for (Stamp other : new Stamp[] {new Stamp(STAMP.runId() + 1, 2001, 1_064_960, 3), new Stamp(STAMP.runId(), 2002, 1_064_960, 3),
                new Stamp(STAMP.runId(), 2001, 1_065_472, 3), new Stamp(STAMP.runId(), 2001, 1_064_960, 4)}) {
            byte[] sector = format.expected(other);
            assertNotEquals(Arrays.toString(Arrays.copyOfRange(base, 64, 512)),
                    Arrays.toString(Arrays.copyOfRange(sector, 64, 512)), other.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 4096})
    void theFastPathAcceptsExactlyTheExpectedSector(int size) {
        SectorFormat format = new SectorFormat(size);
        byte[] sector = format.expected(STAMP);
        MemorySegment memory = Arena.ofAuto().allocate(size + 8);
        MemorySegment.copy(sector, 0, memory, ValueLayout.JAVA_BYTE, 8, size);
        assertTrue(format.intact(memory, 8, STAMP));
        assertFalse(format.intact(memory, 8, STAMP.at(STAMP.offset() + size)), "another offset");
        for (int at = 0; at < size; at++) {
            byte before = memory.get(ValueLayout.JAVA_BYTE, 8 + at);
            memory.set(ValueLayout.JAVA_BYTE, 8 + at, (byte) (before ^ 1));
            assertFalse(format.intact(memory, 8, STAMP), "byte " + at + " changed");
            memory.set(ValueLayout.JAVA_BYTE, 8 + at, before);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 4096})
    void aPayloadThatChainsFromAnotherStartIsNotIntact(int size) {
        // each word is its lane's step of the word before it, but the lanes start from another stamp's seed
        SectorFormat format = new SectorFormat(size);
        byte[] sector = format.expected(STAMP);
        System.arraycopy(format.expected(STAMP.at(STAMP.offset() + size)), SectorFormat.HEADER, sector, SectorFormat.HEADER,
                size - SectorFormat.HEADER);
        MemorySegment memory = Arena.ofAuto().allocate(size);
        MemorySegment.copy(sector, 0, memory, ValueLayout.JAVA_BYTE, 0, size);
        assertFalse(format.intact(memory, 0, STAMP));
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 4096})
    void theFastPathKnowsTheCrcOfAnyStampWithoutComputingIt(int size) {
        SectorFormat format = new SectorFormat(size);
        Random random = new Random(size);
        MemorySegment memory = Arena.ofAuto().allocate(size);
        for (int i = 0; i < 200; i++) {
            Stamp stamp = new Stamp(random.nextLong(), random.nextInt(), random.nextLong(), random.nextInt());
            MemorySegment.copy(format.expected(stamp), 0, memory, ValueLayout.JAVA_BYTE, 0, size);
            assertTrue(format.intact(memory, 0, stamp), "the CRC from the tables is the CRC encode wrote, for " + stamp);
        }
    }

    @Test
    void theCrcOfSectorsOfTwoFilesTakenInTurnIsEachFilesOwn() {
        SectorFormat format = new SectorFormat(4096);
        MemorySegment memory = Arena.ofAuto().allocate(4096);
        for (long offset : new long[] {0, 4096, 1 << 20, 5L << 30, 1L << 40}) {
            for (Stamp stamp : List.of(new Stamp(7, 1001, offset, 1), new Stamp(7, 1002, offset, 1), new Stamp(7, 1001, offset, 2))) {
                MemorySegment.copy(format.expected(stamp), 0, memory, ValueLayout.JAVA_BYTE, 0, 4096);
                assertTrue(format.crcMatches(memory, 0, stamp), "the CRC of " + stamp);
                Stamp other = new Stamp(stamp.runId(), stamp.fileId() + 1, stamp.offset(), stamp.generation());
                assertFalse(format.crcMatches(memory, 0, other), "the CRC of " + stamp + " is not that of " + other);
            }
        }
    }

    @Test
    void noMagicNoHeader() {
        assertNull(new SectorFormat(512).header(new byte[512], 0));
    }

    @Test
    void sectorSizeMustBeAPowerOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> new SectorFormat(520));
        assertThrows(IllegalArgumentException.class, () -> new SectorFormat(256));
    }
}
