package dev.orchestrate.emulator;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The controller's volatile write cache: whole 4 KiB blocks of dirty data in one off-heap arena.
 * Not thread-safe; the controller holds its lock around every use.
 */
final class WriteCache implements AutoCloseable {

    static final int BLOCK = Media.ALIGN;

    private final Arena arena = Arena.ofShared();
    private final MemorySegment slots;
    private final Map<Long, Integer> index = new HashMap<>();
    private final int[] free;
    private int freeCount;

    WriteCache(long capacity) {
        int count = (int) Math.max(1, capacity / BLOCK);
        this.slots = arena.allocate((long) count * BLOCK, BLOCK);
        this.free = new int[count];
        reset();
    }

    /** All slots free, handed out in ascending order, so blocks written in sequence sit side by side in the arena. */
    private void reset() {
        for (int i = 0; i < free.length; i++) {
            free[i] = free.length - 1 - i;
        }
        freeCount = free.length;
    }

    /** The cached block, or null. */
    MemorySegment block(long block) {
        Integer slot = index.get(block);
        return slot == null ? null : slots.asSlice((long) slot * BLOCK, BLOCK);
    }

    /** A new slot for {@code block}, or null when the cache is full. */
    MemorySegment allocate(long block) {
        if (freeCount == 0) {
            return null;
        }
        int slot = free[--freeCount];
        index.put(block, slot);
        return slots.asSlice((long) slot * BLOCK, BLOCK);
    }

    /** The dirty blocks in ascending order. */
    long[] dirty() {
        long[] blocks = index.keySet().stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(blocks);
        return blocks;
    }

    long dirtyBytes() {
        return (long) index.size() * BLOCK;
    }

    /** Forgets every block: after a destage, or when power is cut. */
    void clear() {
        index.clear();
        reset();
    }

    /** The arena offset of a cached block's slot, or -1. */
    long slotOffset(long block) {
        Integer slot = index.get(block);
        return slot == null ? -1 : (long) slot * BLOCK;
    }

    /** {@code length} bytes of the arena from {@code offset}, for writing consecutive slots to the media in one go. */
    java.nio.ByteBuffer span(long offset, long length) {
        return slots.asSlice(offset, length).asByteBuffer();
    }

    @Override
    public void close() {
        arena.close();
    }
}
