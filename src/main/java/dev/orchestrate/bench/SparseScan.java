package dev.orchestrate.bench;

import dev.orchestrate.data.SectorFormat;
import dev.orchestrate.data.StampedFile;
import dev.orchestrate.dut.ReadBack;
import dev.orchestrate.verify.Expected;
import dev.orchestrate.verify.Verdict;
import dev.orchestrate.verify.Verifier;
import java.nio.file.Path;
import java.util.List;

/**
 * Run in its own small-heap JVM by {@link VerifyBench}: scans a sparse image as one expected file
 * and prints the verdict and the heap used.
 */
public final class SparseScan {

    private SparseScan() {
    }

    public static void main(String[] args) throws Exception {
        Path image = Path.of(args[0]);
        long size = Long.parseLong(args[1]);
        StampedFile file = new StampedFile(1, 1001, 1, size, new SectorFormat(4096));
        Verdict v = new Verifier(file.format(), id -> "image").verify(List.of(new Expected(file, "image", ReadBack.raw(image, 0, 512))),
                done -> { });
        Runtime rt = Runtime.getRuntime();
        System.out.printf("%d sectors, %d damaged ranges (%s); heap in use %d MiB of at most %d MiB%n", v.sectors(), v.ranges().size(),
                v.counts(), (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
    }
}
