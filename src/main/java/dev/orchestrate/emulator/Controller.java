package dev.orchestrate.emulator;

import dev.orchestrate.fault.Fault;
import dev.orchestrate.fault.Piece;
import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.trace.Op;
import dev.orchestrate.trace.TraceWriter;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

/**
 * One power-on session of the emulated controller: writes land in the volatile cache, an FSYNC
 * destages the cache to the media, reads come from the cache or the media, and every command is
 * logged. Armed faults shape what happens. After {@link #powerCut()} every command fails with EIO.
 *
 * <p>Once {@link #BEHIND} bytes are dirty, the controller writes them behind, to the media in the
 * background while writes go on arriving, as a drive's write cache does; a power cut then loses only
 * what was not written behind. A fault that keeps data from the media (an FSYNC or a shutdown that
 * destages nothing) turns this off, since the failure it imitates is a cache that holds its data.
 */
public final class Controller implements AutoCloseable {

    static final int EIO = -5;
    private static final int BOUNCE = 1 << 20;
    private static final long DESTAGE_SPAN = 8L << 20;
    /** Dirty bytes from which the cache is written behind: the destagers' writes in flight at once, each a full span. */
    static final long BEHIND = Media.GATHERERS * DESTAGE_SPAN;
    /** Shared by all controllers: destage writes in flight at once. */
    private static final ExecutorService DESTAGERS = Executors.newFixedThreadPool(Media.GATHERERS,
            Thread.ofPlatform().name("destage-", 0).daemon().factory());

    private final Media media;
    private final WriteCache cache;
    private final TraceWriter trace;
    private final List<Fault> faults;
    private final ByteBuffer bounce = Media.aligned(BOUNCE);
    /** The whole bounce buffer as a segment, whatever the buffer's position and limit. */
    private final MemorySegment bounceSegment = MemorySegment.ofBuffer(bounce.duplicate().clear());
    private final BitSet written = new BitSet();
    private final Random random;
    private boolean dead;
    /** The blocks being written behind, as spans and their writes; empty when none are. */
    private Behind behind = Behind.NONE;
    /** When each command now in the controller arrived, by thread: what the watchdog looks at. */
    private final ConcurrentHashMap<Thread, Long> inFlight = new ConcurrentHashMap<>();

    private final Consumer<Throwable> rigFailures;

    /**
     * @param faults the armed faults, read on every command (the list may change while the controller runs)
     * @param rigFailures where failures of the host under the media go: the device is answered EIO, but the rig broke
     */
    public Controller(Media media, long cacheBytes, TraceWriter trace, List<Fault> faults, long seed, Consumer<Throwable> rigFailures) {
        this.rigFailures = rigFailures;
        this.media = media;
        this.cache = new WriteCache(cacheBytes);
        this.trace = trace;
        this.faults = faults;
        this.random = new Random(seed);
    }

    public long size() {
        return media.size();
    }



    public void open() {
        trace.log(Op.OPEN, 0, 0, 0, "");
    }

    public void release() {
        trace.log(Op.RELEASE, 0, 0, 0, "");
        trace.flush();
    }

    /** FLUSH comes from a close() of the disk file; it asks nothing of a block device. */
    public int flush() {
        return answer(Op.FLUSH, 0, 0, () -> 0);
    }

    public int write(long offset, MemorySegment source, long length) {
        return answer(Op.WRITE, offset, length, () -> {
            writeBehind();
            List<Piece> pieces = List.of(new Piece(offset, 0, length, false));
            for (Fault f : faults) {
                pieces = f.shapeWrite(offset, length, pieces);
            }
            for (Piece p : pieces) {
                store(p, source);
            }
            return 0;
        });
    }

    public int read(long offset, MemorySegment target, long length) {
        return answer(Op.READ, offset, length, () -> {
            long done = 0;
            while (done < length) {
                long position = offset + done;
                long block = position / WriteCache.BLOCK;
                int within = (int) (position % WriteCache.BLOCK);
                int n = (int) Math.min(WriteCache.BLOCK - within, length - done);
                MemorySegment cached = cache.block(block);
                if (cached != null) {
                    MemorySegment.copy(cached, within, target, done, n);
                } else {
                    n = readMedia(position, target, done, length - done);
                }
                done += n;
            }
            return 0;
        });
    }

    /** FSYNC: destage everything, unless a fault swallows it. */
    public int fsync() {
        return answer(Op.FSYNC, 0, 0, () -> {
            if (faults.stream().noneMatch(Fault::ignoresFlush)) {
                destage("fsync");
            }
            return 0;
        });
    }

    /** A fault was armed: damage at rest applies to what is written from now on, not to the file system made before. */
    public synchronized void armed() {
        written.clear();
    }

    /** Power is cut: everything not destaged is lost; from now on every command fails. */
    public synchronized void powerCut() {
        awaitBehind();
        trace.log(Op.POWER_CUT, 0, cache.dirtyBytes(), 0, "");
        cache.clear();
        atRest();
        durable();
        dead = true;
        trace.flush();
    }

    /** Clean shutdown (eject, reboot): destage, unless a fault skips it. */
    public synchronized void shutdown() {
        if (dead) {
            return;
        }
        String cause = "teardown";
        if (faults.stream().noneMatch(Fault::skipsTeardownDestage)) {
            try {
                destage(cause);
            } catch (IOException e) {
                rigFailures.accept(new RigBroken("the media image failed under the controller: " + e.getMessage(), e));
                trace.log(Op.DESTAGE, 0, 0, EIO, cause);
            }
        } else {
            awaitBehind();
            cache.clear();
        }
        atRest();
        durable();
        trace.log(Op.SHUTDOWN, 0, 0, 0, "");
        dead = true;
        trace.flush();
    }

    @Override
    public synchronized void close() {
        dead = true; // the cache's memory goes to the next power-on: no command may touch it after this
        awaitBehind();
        cache.close();
    }

    /** Destage writes under way: each span and its write. */
    private record Behind(List<Span> spans, List<FutureTask<Void>> writes) {
        static final Behind NONE = new Behind(List.of(), List.of());
    }

    @FunctionalInterface
    private interface Work {
        int run() throws IOException;
    }

    /** How long the oldest command now in the controller has been waiting for its answer. */
    public Duration oldestInFlight() {
        long now = System.nanoTime();
        return Duration.ofNanos(inFlight.values().stream().mapToLong(start -> now - start).max().orElse(0));
    }

    private int answer(Op op, long offset, long length, Work work) {
        inFlight.put(Thread.currentThread(), System.nanoTime());
        try {
            return answerNow(op, offset, length, work);
        } finally {
            inFlight.remove(Thread.currentThread());
        }
    }

    private int answerNow(Op op, long offset, long length, Work work) {
        Duration delay = Duration.ZERO;
        for (Fault f : faults) {
            delay = delay.plus(f.delay(op, offset, length));
        }
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            int result = dead ? EIO : 0;
            for (Fault f : faults) {
                result = result == 0 ? f.error(op, offset, length) : result;
            }
            if (result == 0) {
                try {
                    result = work.run();
                } catch (IOException e) {
                    rigFailures.accept(new RigBroken("the media image failed under the controller: " + e.getMessage(), e));
                    result = EIO;
                }
            }
            trace.log(op, offset, length, result, "");
            return result;
        }
    }

    /** Copies the piece into the cache, once per stretch of blocks whose slots lie side by side. */
    private void store(Piece p, MemorySegment source) throws IOException {
        long end = Math.min(p.device() + p.length(), media.size());
        long position = p.device();
        while (position < end) {
            long block = position / WriteCache.BLOCK;
            long first = slot(block, position, end);
            if (first < 0) {
                destage("pressure");
                continue;
            }
            long to = Math.min((block + 1) * WriteCache.BLOCK, end);
            while (to < end && slot(to / WriteCache.BLOCK, to, end) == first + (to / WriteCache.BLOCK - block) * WriteCache.BLOCK) {
                to = Math.min(to + WriteCache.BLOCK, end);
            }
            MemorySegment into = cache.at(first + position % WriteCache.BLOCK, to - position);
            if (p.zeros()) {
                into.fill((byte) 0);
            } else {
                MemorySegment.copy(source, p.source() + position - p.device(), into, 0, to - position);
            }
            written.set((int) block, (int) ((to - 1) / WriteCache.BLOCK) + 1);
            position = to;
        }
    }

    /**
     * The slot of {@code block}, allocated if it is not cached yet or is being written behind (a block written only in
     * part, between {@code from} and {@code to}, starts from what the cache or else the media holds); -1 when the cache is
     * full.
     */
    private long slot(long block, long from, long to) throws IOException {
        long old = cache.slot(block);
        if (old >= 0 && !cache.staged(old)) {
            return old;
        }
        long slot = cache.allocate(block);
        if (slot >= 0 && (from > block * WriteCache.BLOCK || to < (block + 1) * WriteCache.BLOCK)) {
            if (old >= 0) {
                MemorySegment.copy(cache.at(old, WriteCache.BLOCK), 0, cache.at(slot, WriteCache.BLOCK), 0, WriteCache.BLOCK);
            } else {
                fill(block, cache.at(slot, WriteCache.BLOCK));
            }
        }
        return slot;
    }

    /** Reads the media's copy of {@code block} into its new slot. */
    private void fill(long block, MemorySegment slot) throws IOException {
        bounce.clear().limit(WriteCache.BLOCK);
        media.read(block * WriteCache.BLOCK, bounce);
        MemorySegment.copy(bounceSegment, 0, slot, 0, WriteCache.BLOCK);
    }

    /** Reads uncached media from {@code position} up to the next cached block; returns the bytes copied. */
    private int readMedia(long position, MemorySegment target, long at, long remaining) throws IOException {
        long start = position / WriteCache.BLOCK * WriteCache.BLOCK;
        long end = start;
        long limit = Math.min(position + remaining, start + BOUNCE);
        while (end < limit && cache.block(end / WriteCache.BLOCK) == null) {
            end += WriteCache.BLOCK;
        }
        bounce.clear().limit((int) (end - start));
        media.read(start, bounce);
        int n = (int) Math.min(end - position, remaining);
        MemorySegment.copy(bounceSegment, position - start, target, at, n);
        return n;
    }

    /**
     * Writes every dirty block to the media (made durable on the host only at the session's end), after the blocks being
     * written behind. Blocks consecutive on the device go out as one write gathered from their slots, up to
     * {@link #DESTAGE_SPAN}; the writes run in parallel, as a controller's would.
     */
    private void destage(String cause) throws IOException {
        awaitBehind();
        List<Span> spans = cache.spans(cache.dirty(), DESTAGE_SPAN);
        List<FutureTask<Void>> writes = start(spans);
        // the last span is written here while the destagers write the others: an FSYNC on a volume mounted with -o sync
        // often has one or two, and each hand-off costs a thread's wake-up
        if (!writes.isEmpty()) {
            writes.getLast().run();
        }
        List<Throwable> failures = await(writes);
        IOException failed = null;
        for (int k = 0; k < writes.size(); k++) {
            Span span = spans.get(k);
            Throwable failure = failures.get(k);
            trace.log(Op.DESTAGE, span.device(), span.length(), failure == null ? 0 : EIO, cause);
            if (failure != null) {
                failed = failure instanceof IOException io ? io : new IOException(failure);
            }
        }
        if (failed != null) {
            throw failed;
        }
        cache.clear();
    }

    /** The writes of {@code spans}, all but the last handed to the destagers; the caller runs the last or hands it on. */
    private List<FutureTask<Void>> start(List<Span> spans) {
        List<FutureTask<Void>> writes = new ArrayList<>();
        for (Span span : spans) {
            writes.add(new FutureTask<>(() -> {
                media.write(span.device(), span.buffers().toArray(ByteBuffer[]::new));
                return null;
            }));
        }
        for (int k = 0; k < writes.size() - 1; k++) {
            DESTAGERS.execute(writes.get(k));
        }
        return writes;
    }

    /** Waits until no block is being written behind: a reader of the media image then finds no write half done. */
    public synchronized void settled() {
        awaitBehind();
    }

    /**
     * Before a write: once the blocks written behind are on the media, writes the dirty ones behind if there are
     * {@link #BEHIND} bytes of them. Each is logged as destaged now, after the writes it holds and before any it does not.
     */
    private void writeBehind() {
        if (behind.writes().stream().allMatch(FutureTask::isDone)) {
            awaitBehind();
        }
        if (cache.staging() || cache.dirtyBytes() < BEHIND || faults.stream().anyMatch(f -> f.ignoresFlush() || f.skipsTeardownDestage())) {
            return;
        }
        List<Span> spans = cache.spans(cache.dirty(), DESTAGE_SPAN);
        cache.stage();
        behind = new Behind(spans, start(spans));
        DESTAGERS.execute(behind.writes().getLast());
        for (Span span : spans) {
            trace.log(Op.DESTAGE, span.device(), span.length(), 0, "write-behind");
        }
    }

    /**
     * Waits until the blocks being written behind are on the media and gives their slots back. A write of them that
     * failed was acknowledged long ago: the rig, not the device, broke.
     */
    private void awaitBehind() {
        if (!cache.staging()) {
            return;
        }
        List<Throwable> failures = await(behind.writes());
        for (int k = 0; k < failures.size(); k++) {
            Throwable failure = failures.get(k);
            if (failure != null) {
                Span span = behind.spans().get(k);
                rigFailures.accept(new RigBroken("the media image failed under the controller: " + failure.getMessage(), failure));
                trace.log(Op.DESTAGE, span.device(), span.length(), EIO, "write-behind");
            }
        }
        behind = Behind.NONE;
        cache.landed();
    }

    /**
     * Waits for every write, even when interrupted (the slots they read from must not be reused while one may still run),
     * and returns what each failed with, or null; an interrupt is kept for the caller.
     */
    private static List<Throwable> await(List<FutureTask<Void>> writes) {
        List<Throwable> failures = new ArrayList<>();
        boolean interrupted = false;
        for (FutureTask<Void> write : writes) {
            Throwable failure = null;
            while (true) {
                try {
                    write.get();
                    break;
                } catch (ExecutionException e) {
                    failure = e.getCause();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            failures.add(failure);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return failures;
    }

    /**
     * Makes the media image durable on the host's disk, once per session at its end. A destage
     * needs no host flush: its O_DIRECT writes are on the media for every reader at once, and only
     * a crash of the host itself, which ends the cell anyway, could lose them; the image must
     * survive a reboot of the host between a reboot step and its resume. Forcing at every FSYNC
     * cost about 0.2 ms each, a third of a copy's time on a volume mounted with -o sync.
     */
    private void durable() {
        try {
            media.force();
        } catch (IOException e) {
            rigFailures.accept(new RigBroken("the media image could not be made durable: " + e.getMessage(), e));
        }
    }

    private void atRest() {
        List<Long> sectors = new ArrayList<>();
        written.stream().forEach(block -> sectors.add((long) block * (WriteCache.BLOCK / 512) + random.nextInt(WriteCache.BLOCK / 512)));
        for (Fault f : faults) {
            f.atRest(sectors, random, this::flipBit);
        }
    }

    private void flipBit(long sector) {
        try {
            long block = sector * 512 / WriteCache.BLOCK * WriteCache.BLOCK;
            bounce.clear().limit(WriteCache.BLOCK);
            media.read(block, bounce);
            int at = (int) (sector * 512 - block) + 100;
            bounce.put(at, (byte) (bounce.get(at) ^ 1));
            bounce.position(0);
            media.write(block, bounce);
            // a fault, not a command: the log keeps it for the reader, and no rule may read it as a write
            trace.log(Op.FAULT, sector * 512, 512, 0, "bit-rot: one bit flipped at rest");
        } catch (IOException e) {
            rigFailures.accept(new RigBroken("the media image failed under the controller: " + e.getMessage(), e));
        }
    }
}
