package dev.orchestrate.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Slots of the write cache: handed out in order, listed in device order, all given back at once. */
class WriteCacheTest {

    private static final int BLOCK = WriteCache.BLOCK;

    @Test
    void blocksWrittenInAnyOrderAreListedInDeviceOrder() {
        try (WriteCache cache = new WriteCache(8L * BLOCK)) {
            for (long block : new long[] {7, 3, 100, 4}) {
                cache.allocate(block);
            }
            assertArrayEquals(new long[] {3, 4, 7, 100}, cache.dirty());
            assertEquals(4L * BLOCK, cache.dirtyBytes());
            assertEquals(BLOCK, cache.slot(3), "the second block written has the second slot");
        }
    }

    @Test
    void aFullCacheRefusesAndAClearedOneStartsAgainFromTheFirstSlot() {
        try (WriteCache cache = new WriteCache(2L * BLOCK)) {
            assertEquals(0, cache.allocate(10));
            assertEquals(BLOCK, cache.allocate(11));
            assertEquals(-1, cache.allocate(12), "no slot is left");
            cache.clear();
            assertArrayEquals(new long[0], cache.dirty());
            assertNull(cache.block(10), "nothing cached survives a clear");
            assertEquals(0, cache.allocate(12));
            assertArrayEquals(new long[] {12}, cache.dirty());
        }
    }

    @Test
    void consecutiveBlocksInConsecutiveSlotsAreOneSpanOfOneBuffer() {
        try (WriteCache cache = new WriteCache(8L * BLOCK)) {
            for (long block : new long[] {20, 21, 22, 5, 23}) {
                cache.allocate(block);
            }
            List<Span> spans = cache.spans(cache.dirty(), 1L << 20);
            assertEquals(2, spans.size());
            assertEquals(5L * BLOCK, spans.get(0).device());
            assertEquals(20L * BLOCK, spans.get(1).device());
            assertEquals(4L * BLOCK, spans.get(1).length());
            assertEquals(2, spans.get(1).buffers().size(), "block 23 sits after block 5's slot, not after 22's");
        }
    }

    @Test
    void stagedSlotsStayReadableAndAreGivenBackOldestFirst() {
        try (WriteCache cache = new WriteCache(3L * BLOCK)) {
            cache.allocate(1);
            cache.allocate(2);
            cache.stage();
            assertTrue(cache.staging());
            assertTrue(cache.staged(cache.slot(2)));
            assertArrayEquals(new long[0], cache.dirty(), "staged blocks are not dirty again");
            assertEquals(2L * BLOCK, cache.allocate(2), "a staged block written again takes a new slot");
            assertEquals(-1, cache.allocate(3), "staged slots are still taken");
            assertArrayEquals(new long[] {2}, cache.dirty());
            cache.landed();
            assertNull(cache.block(1), "on the media, so no longer cached");
            assertEquals(2L * BLOCK, cache.slot(2), "the newer copy stays");
            assertEquals(0, cache.allocate(4), "the ring goes round to the first slot given back");
            assertArrayEquals(new long[] {2, 4}, cache.dirty());
            assertEquals(2L * BLOCK, cache.dirtyBytes());
        }
    }
}
