package dev.orchestrate.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every class of the recogniser on hand-built sectors, at both sector sizes. */
class RecogniserTest {

    private static final long RUN = 0xABCDEF0123456789L;
    private static final Stamp SHOULD = new Stamp(RUN, 2001, 8192 * 4, 2);

    private static Finding classify(int size, byte[] sector) {
        return new Recogniser(new SectorFormat(size)).classify(sector, 0, sector.length, SHOULD);
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 4096})
    void intact(int size) {
        Finding f = classify(size, new SectorFormat(size).expected(SHOULD));
        assertEquals(SectorClass.INTACT, f.kind());
        assertEquals(0, f.differing());
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 4096})
    void zeros(int size) {
        Finding f = classify(size, new byte[size]);
        assertEquals(SectorClass.ZEROS, f.kind());
        assertEquals("zeros", f.describe(SHOULD, id -> "file " + id));
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 4096})
    void anotherOffsetOfTheSameFileIsMisplaced(int size) {
        Finding f = classify(size, new SectorFormat(size).expected(SHOULD.at(8192)));
        assertEquals(SectorClass.MISPLACED, f.kind());
        assertEquals("sector of file 2001 offset 8,192", f.describe(SHOULD, id -> "file " + id));
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 4096})
    void anotherFileIsMisplaced(int size) {
        Finding f = classify(size, new SectorFormat(size).expected(new Stamp(RUN, 2002, SHOULD.offset(), 2)));
        assertEquals(SectorClass.MISPLACED, f.kind());
        assertEquals("sector of file-2.bin offset 32,768", f.describe(SHOULD, id -> "file-" + (id % 1000) + ".bin"));
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 4096})
    void olderGenerationIsStale(int size) {
        Finding f = classify(size, new SectorFormat(size).expected(new Stamp(RUN, 2001, SHOULD.offset(), 1)));
        assertEquals(SectorClass.STALE, f.kind());
        assertEquals("generation 1, expected 2", f.describe(SHOULD, id -> ""));
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 4096})
    void anEarlierRunIsStale(int size) {
        Finding f = classify(size, new SectorFormat(size).expected(new Stamp(RUN - 1, 2001, SHOULD.offset(), 2)));
        assertEquals(SectorClass.STALE, f.kind());
        assertTrue(f.describe(SHOULD, id -> "").startsWith("sector of an earlier run"), f.describe(SHOULD, id -> ""));
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 4096})
    void flippedBitsAreDamage(int size) {
        byte[] sector = new SectorFormat(size).expected(SHOULD);
        sector[100] ^= 1;
        sector[size - 1] ^= (byte) 0x80;
        Finding f = classify(size, sector);
        assertEquals(SectorClass.DAMAGED, f.kind());
        assertEquals(2, f.differing());
        assertEquals(100, f.firstDifference());
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 4096})
    void aTornWriteIsDamage(int size) {
        SectorFormat format = new SectorFormat(size);
        byte[] sector = format.expected(SHOULD);
        byte[] old = format.expected(new Stamp(RUN, 2001, SHOULD.offset(), 1));
        System.arraycopy(old, size / 2, sector, size / 2, size / 2);
        Finding f = classify(size, sector);
        assertEquals(SectorClass.DAMAGED, f.kind());
        assertTrue(f.differing() > size / 4, "about half the payload differs");
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 4096})
    void aHitOnTheMagicIsStillDamageWhenTheRestIsClose(int size) {
        byte[] sector = new SectorFormat(size).expected(SHOULD);
        sector[0] ^= 1;
        assertEquals(SectorClass.DAMAGED, classify(size, sector).kind());
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 4096})
    void randomBytesAreForeign(int size) {
        byte[] sector = new byte[size];
        new Random(7).nextBytes(sector);
        assertEquals(SectorClass.FOREIGN, classify(size, sector).kind());
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 4096})
    void aShortLastSectorIsComparedByItsPrefix(int size) {
        SectorFormat format = new SectorFormat(size);
        byte[] full = format.expected(SHOULD);
        Recogniser recogniser = new Recogniser(format);
        assertEquals(SectorClass.INTACT, recogniser.classify(full, 0, 300, SHOULD).kind());
        byte[] misplaced = format.expected(SHOULD.at(0));
        assertEquals(SectorClass.MISPLACED, recogniser.classify(misplaced, 0, 300, SHOULD).kind());
    }
}
