package dev.orchestrate.bench;

import dev.orchestrate.data.SectorFormat;
import dev.orchestrate.data.StampedFile;
import dev.orchestrate.dut.ReadBack;
import dev.orchestrate.dut.Region;
import dev.orchestrate.process.Command;
import dev.orchestrate.process.Processes;
import dev.orchestrate.verify.Expected;
import dev.orchestrate.verify.Verdict;
import dev.orchestrate.verify.Verifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Scan and classify of stamped data against the peers that verify data the same way, on the same
 * amount of data in the same directory, round by round: fio's crc32c verify (verify_only) and
 * f3read, and two cats reading the same data at once (the cost of reading alone); optionally where
 * the verifier's time goes. Then what scanning the region around the files costs (a 1 GiB image, sparse, and the
 * peers' written data as a dense region), and the scan of a large sparse image in a JVM with a
 * 256 MiB heap, to show that memory does not grow with the device.
 */
public final class VerifyBench {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final Path dir;
    private final long size;
    private final int rounds;
    private final long sparse;
    private final boolean breakdown;
    private final PrintWriter out;

    /** @param breakdown whether to time the verifier's parts on the same data after the rounds */
    public VerifyBench(Path dir, long size, int rounds, long sparse, boolean breakdown, PrintWriter out) {
        this.dir = dir;
        this.size = size;
        this.rounds = rounds;
        this.sparse = sparse;
        this.breakdown = breakdown;
        this.out = out;
    }

    /** The medians in MB/s: ours, fio, f3read, and two cats reading the same data at once. */
    public record Result(double ours, double fio, double f3, double cats) {
    }

    public Result run() throws IOException {
        Files.createDirectories(dir);
        long gib = Math.max(1, size >> 30);
        long bytes = gib << 30;
        Path ours = dir.resolve("stamped.bin");
        Path fio = dir.resolve("fio.dat");
        Path f3 = Files.createDirectories(dir.resolve("f3"));
        try {
            StampedFile file = new StampedFile(1, 1001, 1, bytes, new SectorFormat(4096));
            file.writeTo(ours, done -> { });
            // a write job with verify saves its state file into the working directory; the verify_only rounds never load it
            Processes.require(new Command(List.of("fio", "--name=prepare", "--filename=" + fio, "--size=" + bytes, "--rw=write", "--bs=1M",
                    "--ioengine=psync", "--verify=crc32c", "--do_verify=0", "--verify_state_save=0"), TIMEOUT));
            Processes.require(new Command(List.of("f3write", "-e", Long.toString(gib), f3.toString()), TIMEOUT));
            // one round not counted, for every peer alike: the JIT compiles the scan during the first gigabytes, as it has in any long run
            scan(file, ours);
            out.printf(Locale.ROOT, "verify of %d GiB in %s, 1 warm-up and %d measured rounds (MB/s = 10^6 bytes/s;"
                    + " 2x cat: two cats of the stamped file at once, both files' bytes counted)%n", gib, dir.toAbsolutePath(), rounds);
            out.printf(Locale.ROOT, "%-7s %12s %12s %12s %12s %9s %9s %9s%n",
                    "round", "orchestrate", "fio crc32c", "f3read", "2x cat", "vs fio", "vs f3read", "vs cats");
            List<double[]> rows = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                double o = rate(bytes, () -> scan(file, ours));
                double v = rate(bytes, () -> Processes.require(new Command(List.of("fio", "--name=verify", "--filename=" + fio,
                        "--size=" + bytes, "--rw=read", "--bs=1M", "--ioengine=psync", "--verify=crc32c", "--verify_only"), TIMEOUT)));
                double r = rate(bytes, () -> Processes.require(new Command(List.of("f3read", f3.toString()), TIMEOUT)));
                double c = rate(2 * bytes, () -> cats(ours));
                rows.add(new double[] {o, v, r, c, o / v, o / r, o / c});
                out.printf(Locale.ROOT, "%-7d %12.0f %12.0f %12.0f %12.0f %8.2fx %8.2fx %8.2fx%n", round, o, v, r, c, o / v, o / r, o / c);
                out.flush();
            }
            double[] median = new double[7];
            double[] min = new double[7];
            double[] max = new double[7];
            for (int k = 0; k < median.length; k++) {
                int column = k;
                List<Double> values = rows.stream().map(row -> row[column]).sorted().toList();
                median[k] = values.get(values.size() / 2);
                min[k] = values.getFirst();
                max[k] = values.getLast();
            }
            out.printf(Locale.ROOT, "%-7s %12.0f %12.0f %12.0f %12.0f %8.2fx %8.2fx %8.2fx%n", "median", median[0], median[1], median[2],
                    median[3], median[4], median[5], median[6]);
            out.printf(Locale.ROOT, "%-7s %12s %12s %12s %12s %9s %9s %9s%n", "spread", spread(min[0], max[0], "%.0f"),
                    spread(min[1], max[1], "%.0f"), spread(min[2], max[2], "%.0f"), spread(min[3], max[3], "%.0f"),
                    spread(min[4], max[4], "%.2f"), spread(min[5], max[5], "%.2f"), spread(min[6], max[6], "%.2f"));
            // the ratios of the medians, as the targets are stated; the spread row shows how the rounds' own ratios varied
            Result result = new Result(median[0], median[1], median[2], median[3]);
            if (breakdown) {
                new Breakdown(file, ours, out).run();
            }
            regionScan(fio, bytes);
            if (sparse > 0) {
                sparseScan();
            }
            return result;
        } finally {
            Files.deleteIfExists(ours);
            Files.deleteIfExists(fio);
            try (Stream<Path> files = Files.walk(f3)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private void scan(StampedFile file, Path path) {
        try {
            Verdict v = new Verifier(file.format(), id -> "stamped.bin")
                    .verify(List.of(new Expected(file, "stamped.bin", ReadBack.file(path))), done -> { });
            if (!v.passed()) {
                throw new IllegalStateException("the benchmark's own data did not verify: " + v.headline());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A 64 MiB file at 256 MiB of a sparse 1 GiB image, verified alone and with the scan of the
     * whole image around it; then {@code dense} (written, with no sector of ours) scanned as a region.
     */
    private void regionScan(Path dense, long denseBytes) throws IOException {
        Path image = dir.resolve("region.img");
        StampedFile file = new StampedFile(1, 1001, 1, 64 << 20, new SectorFormat(4096));
        long at = 256 << 20;
        try (RandomAccessFile raf = new RandomAccessFile(image.toFile(), "rw")) {
            raf.setLength(1L << 30);
            file.writeTo(Channels.newOutputStream(raf.getChannel().position(at)), done -> { });
        }
        try {
            List<Expected> expected = List.of(new Expected(file, "file", ReadBack.raw(image, at, 512)));
            Verifier verifier = new Verifier(file.format(), id -> "file");
            for (int warm = 0; warm < 2; warm++) {
                verifier.verify(expected, new Region(image, 0, 1L << 30, 512, "bench"), done -> { });
            }
            double alone = seconds(() -> verifier.verify(expected, done -> { }));
            double region = seconds(() -> verifier.verify(expected, new Region(image, 0, 1L << 30, 512, "bench"), done -> { }));
            double denseScan = seconds(() -> verifier.verify(expected, new Region(dense, 0, denseBytes, 512, "bench"), done -> { }))
                    - alone;
            out.printf(Locale.ROOT, "region scan: a 64 MiB file in a sparse 1 GiB image verified in %.3f s alone, "
                    + "%.3f s with the image around it; "
                    + "%d GiB of written data with none of ours scanned as a region in %.2f s (%.0f MB/s)%n",
                    alone, region, denseBytes >> 30, denseScan, denseBytes / denseScan / 1e6);
        } finally {
            Files.deleteIfExists(image);
        }
    }

    /** Verification work that may read. */
    private interface Work {
        Verdict run() throws IOException;
    }

    private static double seconds(Work work) throws IOException {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    /** A sparse image as large as a device, scanned by a JVM whose heap is 256 MiB: all zeros, one range, memory flat. */
    private void sparseScan() throws IOException {
        Path image = dir.resolve("sparse.img");
        try (RandomAccessFile raf = new RandomAccessFile(image.toFile(), "rw")) {
            raf.setLength(sparse);
        }
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            long start = System.nanoTime();
            var outcome = Processes.require(new Command(List.of(java, "-Xmx256m", "--enable-native-access=ALL-UNNAMED",
                    "-cp", System.getProperty("java.class.path"),
                    SparseScan.class.getName(), image.toString(), Long.toString(sparse)), TIMEOUT));
            out.printf(Locale.ROOT, "sparse image of %d GiB scanned with -Xmx256m in %.1f s: %s", sparse >> 30,
                    (System.nanoTime() - start) / 1e9, outcome.output());
        } finally {
            Files.deleteIfExists(image);
        }
    }

    private static double rate(long bytes, Runnable work) {
        long start = System.nanoTime();
        work.run();
        return bytes / ((System.nanoTime() - start) / 1e9) / 1e6;
    }

    private static String spread(double min, double max, String format) {
        return String.format(Locale.ROOT, format + "-" + format, min, max);
    }

    /**
     * Two cats of the same file at once, output discarded: what reading the data costs with as
     * many readers as the verifier has threads, and nothing else.
     */
    private static void cats(Path file) {
        try {
            List<Process> cats = new ArrayList<>();
            for (int k = 0; k < 2; k++) {
                cats.add(new ProcessBuilder("cat", file.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start());
            }
            for (Process cat : cats) {
                if (cat.waitFor() != 0) {
                    throw new IllegalStateException("cat " + file + " exited with " + cat.exitValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while timing cat", e);
        }
    }
}
