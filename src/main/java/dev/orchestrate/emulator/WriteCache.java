package dev.orchestrate.emulator;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The controller's volatile write cache: whole 4 KiB blocks of dirty data in one off-heap segment.
 * Not thread-safe; the controller holds its lock around every use.
 *
 * <p>A closed cache's memory is kept for the next power-on of the same size: allocating 256 MiB and
 * faulting it in takes 0.04–0.9 s (see {@link CacheMemory}), and every cell powers a controller on
 * at least twice. Nothing is read from a slot that was not written since (a partial block is filled
 * from the media first), so what an earlier session left in the memory is never seen, as a real
 * cache's SRAM after power-up.
 */
final class WriteCache implements AutoCloseable {

    static final int BLOCK = Media.ALIGN;

    /** At most this many spare segments per size stay allocated between sessions. */
    private static final int SPARES = 2;
    private static final Map<Long, Deque<MemorySegment>> SPARE = new ConcurrentHashMap<>();

    private final MemorySegment slots;
    /**
     * The slot of each cached block, the newest when a block written behind is written again. Replaced, not cleared,
     * when emptied: a cleared HashMap keeps its grown table, which every clear and every walk of its keys would cost again.
     */
    private Map<Long, Integer> index = new HashMap<>();
    /**
     * The block in each slot. Slots form a ring taken in order: from the oldest, {@link #staged} slots are being written
     * behind, then come the dirty ones, {@link #taken} in all, and {@link #next} is the next slot to take.
     */
    private final long[] blocks;
    private int next;
    private int taken;
    private int staged;
    private boolean closed;

    WriteCache(long capacity) {
        int count = (int) Math.max(1, capacity / BLOCK);
        long bytes = (long) count * BLOCK;
        MemorySegment spare = spares(bytes).poll();
        // the memory goes when the last holder (this cache, or the spares) drops it
        this.slots = spare != null ? spare : CacheMemory.allocate(bytes, BLOCK);
        this.blocks = new long[count];
    }

    /** The cached block, or null. */
    MemorySegment block(long block) {
        long slot = slot(block);
        return slot < 0 ? null : slots.asSlice(slot, BLOCK);
    }

    /** The arena offset of a cached block's newest slot, or -1. */
    long slot(long block) {
        Integer slot = index.get(block);
        return slot == null ? -1 : (long) slot * BLOCK;
    }

    /** Whether the slot at arena offset {@code slot} is being written behind: it must not change until it is on the media. */
    boolean staged(long slot) {
        return Math.floorMod((int) (slot / BLOCK) - oldest(), blocks.length) < staged;
    }

    /**
     * The arena offset of a new slot for {@code block}, or -1 when the cache is full. Slots are
     * handed out in ascending order round the ring, so blocks written in sequence sit side by side in the arena.
     */
    long allocate(long block) {
        if (taken == blocks.length) {
            return -1;
        }
        int slot = next;
        next = (next + 1) % blocks.length;
        taken++;
        blocks[slot] = block;
        index.put(block, slot);
        return (long) slot * BLOCK;
    }

    /** {@code length} bytes of the arena from {@code offset}. */
    MemorySegment at(long offset, long length) {
        return slots.asSlice(offset, length);
    }

    /** The dirty blocks not being written behind, in ascending order. */
    long[] dirty() {
        long[] dirty = new long[taken - staged];
        for (int i = 0; i < dirty.length; i++) {
            dirty[i] = blocks[(oldest() + staged + i) % blocks.length];
        }
        Arrays.sort(dirty);
        return dirty;
    }

    /** The bytes of the dirty blocks not being written behind. */
    long dirtyBytes() {
        return (long) (taken - staged) * BLOCK;
    }

    /** Whether blocks are being written behind. */
    boolean staging() {
        return staged > 0;
    }

    /** The dirty blocks are being written behind from now on: their slots stay readable and are not written again. */
    void stage() {
        staged = taken;
    }

    /** The blocks written behind are on the media: their slots are given back, and a block not written since leaves the cache. */
    void landed() {
        for (int i = 0; i < staged; i++) {
            int slot = (oldest() + i) % blocks.length;
            index.remove(blocks[slot], slot);
        }
        taken -= staged;
        staged = 0;
    }

    /**
     * The destage writes for {@code blocks} (ascending): each run of blocks consecutive on the device,
     * up to {@code longest} bytes, is one write gathered from its slots.
     */
    List<Span> spans(long[] blocks, long longest) {
        List<Span> spans = new ArrayList<>();
        int i = 0;
        while (i < blocks.length) {
            List<ByteBuffer> buffers = new ArrayList<>();
            int j = i;
            do {
                long start = slot(blocks[j]);
                int k = j + 1;
                while (k < blocks.length && blocks[k] == blocks[k - 1] + 1 && slot(blocks[k]) == start + (long) (k - j) * BLOCK
                        && (long) (k - i + 1) * BLOCK <= longest) {
                    k++;
                }
                buffers.add(slots.asSlice(start, (long) (k - j) * BLOCK).asByteBuffer());
                j = k;
            } while (j < blocks.length && blocks[j] == blocks[j - 1] + 1 && (long) (j - i + 1) * BLOCK <= longest);
            spans.add(new Span(blocks[i] * BLOCK, (long) (j - i) * BLOCK, List.copyOf(buffers)));
            i = j;
        }
        return spans;
    }

    /** Forgets every block: after a destage, or when power is cut. Nothing may be being written behind. */
    void clear() {
        index = new HashMap<>();
        next = 0;
        taken = 0;
        staged = 0;
    }

    private int oldest() {
        return Math.floorMod(next - taken, blocks.length);
    }

    /** Hands the memory on to the next cache of this size. */
    @Override
    public void close() {
        Deque<MemorySegment> spares = spares(slots.byteSize());
        if (!closed && spares.size() < SPARES) {
            spares.push(slots);
        }
        closed = true;
    }

    private static Deque<MemorySegment> spares(long bytes) {
        return SPARE.computeIfAbsent(bytes, b -> new ConcurrentLinkedDeque<>());
    }
}
