package dev.orchestrate.bench;

import dev.orchestrate.data.SectorFormat;
import dev.orchestrate.data.Stamp;
import dev.orchestrate.data.StampedFile;
import dev.orchestrate.verify.Verifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Where the verifier's time goes on intact data: its fast path taken apart and each part timed
 * on its own, chunk by chunk, over the same file with as many threads as the verifier uses. Timed
 * in thread CPU time (user and kernel), so that other load on a shared machine does not count.
 * Reading is what the verifier does: the one copy there is, the kernel's, into the chunk buffer;
 * the other parts then run over the chunk while it is in the core's cache.
 */
final class Breakdown {

    /** The parts, in the order the fast path runs them. */
    private static final String[] PARTS = {"read (the kernel's copy)", "stamp (expected stamp, header compare)",
        "payload (regenerate and compare)", "CRC (from the tables)"};

    private final StampedFile file;
    private final Path path;
    private final PrintWriter out;
    private final int threads = Runtime.getRuntime().availableProcessors();
    private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();

    Breakdown(StampedFile file, Path path, PrintWriter out) {
        this.file = file;
        this.path = path;
        this.out = out;
    }

    void run() throws IOException {
        // the first pass compiles the parts, as the warm-up round compiles the verifier
        time();
        long start = System.nanoTime();
        long[] nanos = time();
        double wall = (System.nanoTime() - start) / 1e9;
        long total = 0;
        for (long n : nanos) {
            total += n;
        }
        out.printf(Locale.ROOT, "breakdown: %d threads, the parts one after another per %d KiB chunk, %.0f MB/s in all"
                + " (wall clock); shares of the threads' CPU time:%n", threads, Verifier.CHUNK >> 10, file.size() / wall / 1e6);
        for (int k = 0; k < PARTS.length; k++) {
            out.printf(Locale.ROOT, "  %-40s %5.1f %%  (%,.0f MB/s on %d threads, were it the only part)%n", PARTS[k],
                    100.0 * nanos[k] / total, file.size() / (nanos[k] / 1e9 / threads) / 1e6, threads);
        }
    }

    /** Nanoseconds spent in each part, summed over the threads. */
    private long[] time() throws IOException {
        long slice = (file.size() / threads + Verifier.CHUNK - 1) / Verifier.CHUNK * Verifier.CHUNK;
        long[] nanos = new long[PARTS.length];
        try (FileChannel channel = FileChannel.open(path);
                ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().factory())) {
            List<Future<long[]>> parts = new ArrayList<>();
            for (long from = 0; from < file.size(); from += slice) {
                long start = from;
                long end = Math.min(file.size(), from + slice);
                parts.add(pool.submit(() -> time(channel, start, end)));
            }
            for (Future<long[]> f : parts) {
                long[] n = f.get();
                for (int k = 0; k < nanos.length; k++) {
                    nanos[k] += n[k];
                }
            }
        } catch (ExecutionException e) {
            throw new IOException("a breakdown slice failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return nanos;
    }

    private long[] time(FileChannel channel, long from, long to) throws IOException {
        SectorFormat format = file.format();
        int sector = format.sectorSize();
        ByteBuffer direct = ByteBuffer.allocateDirect(Verifier.CHUNK);
        MemorySegment memory = MemorySegment.ofBuffer(direct);
        Stamp[] stamps = new Stamp[Verifier.CHUNK / sector];
        long[] nanos = new long[PARTS.length];
        int wrong = 0;
        for (long offset = from; offset < to; offset += Verifier.CHUNK) {
            int want = (int) Math.min(Verifier.CHUNK, to - offset);
            long t0 = cpu.getCurrentThreadCpuTime();
            direct.clear().limit(want);
            while (direct.hasRemaining() && channel.read(direct, offset + direct.position()) > 0) {
                // the kernel copies the chunk in, in as many reads as it takes
            }
            long t1 = cpu.getCurrentThreadCpuTime();
            for (int at = 0; at + sector <= want; at += sector) {
                stamps[at / sector] = file.stampAt(offset + at);
                wrong += format.headerMatches(memory, at, stamps[at / sector]) ? 0 : 1;
            }
            long t2 = cpu.getCurrentThreadCpuTime();
            for (int at = 0; at + sector <= want; at += sector) {
                wrong += format.payloadMatches(memory, at, stamps[at / sector]) ? 0 : 1;
            }
            long t3 = cpu.getCurrentThreadCpuTime();
            for (int at = 0; at + sector <= want; at += sector) {
                wrong += format.crcMatches(memory, at, stamps[at / sector]) ? 0 : 1;
            }
            long t4 = cpu.getCurrentThreadCpuTime();
            nanos[0] += t1 - t0;
            nanos[1] += t2 - t1;
            nanos[2] += t3 - t2;
            nanos[3] += t4 - t3;
        }
        if (wrong > 0) {
            throw new IllegalStateException(wrong + " parts of sectors of the benchmark's own data did not match");
        }
        return nanos;
    }
}
