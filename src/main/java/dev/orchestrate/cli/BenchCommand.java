package dev.orchestrate.cli;

import dev.orchestrate.bench.EmulatorBench;
import dev.orchestrate.emulator.Emulator;
import dev.orchestrate.host.HostCheck;
import dev.orchestrate.suite.Size;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code orchestrate bench}: the emulated controller against a plain loop device, side by side. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Times cp + sync onto the emulated controller and onto a loop device over a plain file on the same disk, round by round, "
                + "and the emulator's setup + teardown. Needs root. Exit 0 if the median ratio meets --min-ratio.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--size", defaultValue = "256MiB", description = "file size (default: ${DEFAULT-VALUE})")
    String size;

    @Option(names = "--rounds", defaultValue = "5", description = "rounds (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--dir", defaultValue = "reports/bench", description = "where images go; a disk file system with O_DIRECT (default: ${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--min-ratio", defaultValue = "0.5", description = "the emulated/plain throughput the emulator must reach (default: ${DEFAULT-VALUE})")
    double minRatio;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        if (rounds < 1) {
            err.println("--rounds " + rounds + ": at least one round is needed to measure anything");
            return Exit.BAD_INPUT;
        }
        long bytes;
        try {
            bytes = Size.parse(size).bytes();
        } catch (IllegalArgumentException e) {
            err.println("--size: " + e.getMessage());
            return Exit.BAD_INPUT;
        }
        Optional<String> whyNot = HostCheck.emulator("ext4", Emulator.fuseLibrary().orElse(null));
        if (whyNot.isPresent()) {
            err.println("bench cannot run here: " + whyNot.get());
            return Exit.BROKEN;
        }
        double ratio = new EmulatorBench(dir, bytes, rounds, spec.commandLine().getOut()).run();
        boolean met = ratio >= minRatio;
        spec.commandLine().getOut().printf("emulated/plain = %.2f; target >= %.2f: %s%n", ratio, minRatio, met ? "met" : "NOT met");
        return met ? Exit.PASSED : Exit.FAILED;
    }
}
