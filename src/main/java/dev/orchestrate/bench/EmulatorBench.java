package dev.orchestrate.bench;

import dev.orchestrate.data.SectorFormat;
import dev.orchestrate.data.StampedFile;
import dev.orchestrate.emulator.Emulator;
import dev.orchestrate.host.FileSystems;
import dev.orchestrate.host.Loop;
import dev.orchestrate.host.Mounts;
import dev.orchestrate.host.StateDir;
import dev.orchestrate.process.Command;
import dev.orchestrate.process.Processes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * cp of one file plus sync onto the emulated controller versus onto a loop device (direct I/O)
 * over a plain image file on the same disk, alternating round by round; and the setup plus
 * teardown time of one emulated device, as each cell pays it. Measured with a warm JVM, as the
 * cells of a nightly run see it.
 */
public final class EmulatorBench {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final long DISK = 2L << 30;
    /** Rounds not counted: the JIT compiles the FUSE upcall path during the first copies, as it has in any long run. */
    private static final int WARM_UP = 2;

    private final Path dir;
    private final long size;
    private final int rounds;
    private final PrintWriter out;

    public EmulatorBench(Path dir, long size, int rounds, PrintWriter out) {
        this.dir = dir;
        this.size = size;
        this.rounds = rounds;
        this.out = out;
    }

    /**
     * The ratios emulated / plain throughput: of the medians, and the lowest and highest of the rounds.
     */
    public record Ratios(double median, double min, double max) {
    }

    /** Runs the benchmark. */
    public Ratios run() throws IOException {
        Files.createDirectories(dir);
        Path source = dir.resolve("source.bin");
        new StampedFile(1, 1, 1, size, new SectorFormat(4096)).writeTo(source, done -> { });
        preRead(source);
        List<Double> plain = new ArrayList<>();
        List<Double> emulated = new ArrayList<>();
        List<Double> cycles = new ArrayList<>();
        out.printf(Locale.ROOT, "cp of %d MiB + sync, %d warm-up and %d measured rounds, on %s%n", size >> 20, WARM_UP, rounds,
                dir.toAbsolutePath());
        for (int round = 0; round < WARM_UP; round++) {
            plain(source);
            emulated(source);
        }
        out.printf(Locale.ROOT, "%-6s %16s %16s %8s %22s%n", "round", "plain loop MB/s", "emulated MB/s", "ratio",
                "emulator setup+teardown");
        for (int round = 1; round <= rounds; round++) {
            double p = plain(source);
            long start = System.nanoTime();
            double e = emulated(source);
            double cycle = (System.nanoTime() - start) / 1e9 - size / (e * 1e6);
            plain.add(p);
            emulated.add(e);
            cycles.add(cycle);
            out.printf(Locale.ROOT, "%-6d %16.0f %16.0f %8.2f %20.2f s%n", round, p, e, e / p, cycle);
            out.flush();
        }
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < plain.size(); i++) {
            ratios.add(emulated.get(i) / plain.get(i));
        }
        Ratios result = new Ratios(median(emulated) / median(plain), ratios.stream().min(Double::compare).orElseThrow(),
                ratios.stream().max(Double::compare).orElseThrow());
        out.printf(Locale.ROOT, "median %15.0f %16.0f %8.2f %20.2f s%n", median(plain), median(emulated), result.median(),
                median(cycles));
        out.printf(Locale.ROOT, "round ratios %.2f to %.2f%n", result.min(), result.max());
        Files.delete(source);
        return result;
    }

    /**
     * Both copies read the source from the page cache. Read here, in the JVM: a child's output
     * would be collected in memory and cost more than the copies measured.
     */
    private static void preRead(Path source) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
            while (in.read(buffer.clear()) >= 0) {
                // the page cache keeps what was read
            }
        }
    }

    /** A fresh ext4 on a loop device over a plain sparse file. */
    private double plain(Path source) throws IOException {
        Path image = dir.resolve("plain.img");
        Path mount = Files.createDirectories(dir.resolve("plain"));
        try (RandomAccessFile raf = new RandomAccessFile(image.toFile(), "rw")) {
            raf.setLength(DISK);
        }
        Loop loop = Loop.attach(image);
        try {
            FileSystems.make("ext4", loop.device());
            Mounts.mount(loop.device(), mount, "ext4", "");
            try {
                return copy(source, mount);
            } finally {
                Mounts.unmount(mount);
            }
        } finally {
            loop.detach();
            Files.delete(image);
        }
    }

    /** A fresh emulated device, as a cell gets it; its setup and teardown are timed by the caller. */
    private double emulated(Path source) {
        Path cell = dir.resolve("emulated");
        try (Emulator emulator = new Emulator(StateDir.create(), Files.createDirectories(cell).resolve("media.img"),
                cell.resolve("command-log.jsonl"), new Emulator.Settings(DISK, 256L << 20, "ext4", "", Duration.ofSeconds(60), 0))) {
            emulator.create();
            return copy(source, emulator.volume());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(cell.resolve("media.img"));
                Files.deleteIfExists(cell.resolve("command-log.jsonl"));
            } catch (IOException ignored) {
                // the next round overwrites them
            }
        }
    }

    /** MB/s (10^6 bytes per second) of cp plus sync. */
    private double copy(Path source, Path volume) {
        long start = System.nanoTime();
        Processes.require(new Command(List.of("cp", source.toString(), volume.resolve("copy.bin").toString()), TIMEOUT));
        Processes.require(new Command(List.of("sync"), TIMEOUT));
        return size / ((System.nanoTime() - start) / 1e9) / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
