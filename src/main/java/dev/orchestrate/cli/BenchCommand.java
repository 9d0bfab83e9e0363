package dev.orchestrate.cli;

import dev.orchestrate.bench.EmulatorBench;
import dev.orchestrate.bench.SuiteBench;
import dev.orchestrate.bench.VerifyBench;
import dev.orchestrate.host.HostCheck;
import dev.orchestrate.host.Packages;
import dev.orchestrate.process.Executables;
import dev.orchestrate.suite.Size;
import dev.orchestrate.suite.Suite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code orchestrate bench}: measurements side by side with a peer, as ratios. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        subcommands = {BenchCommand.Emulator.class, BenchCommand.Verify.class, BenchCommand.OfSuite.class},
        description = "Benchmarks run side by side with a peer in the same process: 'bench emulator', 'bench verify';"
                + " and where a suite's wall time goes: 'bench suite'.")
final class BenchCommand {

    /** {@code orchestrate bench emulator}: the emulated controller against a plain loop device. */
    @Command(name = "emulator", mixinStandardHelpOptions = true,
            description = "Times cp + sync onto the emulated controller and onto a loop device over a plain file on the same disk, "
                    + "round by round, and the emulator's setup + teardown. Needs root. Exit 0 if the median ratio meets --min-ratio"
                    + " and no round is below --min-round.")
    static final class Emulator implements Callable<Integer> {

        @Option(names = "--size", defaultValue = "256MiB", description = "file size (default: ${DEFAULT-VALUE})")
        String size;

        @Option(names = "--rounds", defaultValue = "5", description = "rounds (default: ${DEFAULT-VALUE})")
        int rounds;

        @Option(names = "--dir", defaultValue = "reports/bench",
                description = "where images go; a disk file system with O_DIRECT (default: ${DEFAULT-VALUE})")
        Path dir;

        @Option(names = "--min-ratio", defaultValue = "0.85",
                description = "the emulated/plain throughput the emulator must reach, of the medians (default: ${DEFAULT-VALUE})")
        double minRatio;

        @Option(names = "--min-round", defaultValue = "0.6",
                description = "the emulated/plain throughput no round may fall below (default: ${DEFAULT-VALUE})")
        double minRound;

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
            @SuppressWarnings("checkstyle:QualifiedName")
            Optional<String> whyNot = HostCheck.emulator("ext4", dev.orchestrate.emulator.Emulator.fuseLibrary().orElse(null),
                    Packages.installsAllowed());
            if (whyNot.isPresent()) {
                err.println("bench cannot run here: " + whyNot.get());
                return Exit.BROKEN;
            }
            EmulatorBench.Ratios ratios = new EmulatorBench(dir, bytes, rounds, spec.commandLine().getOut()).run();
            boolean met = ratios.median() >= minRatio && ratios.min() >= minRound;
            spec.commandLine().getOut().printf(Locale.ROOT,
                    "emulated/plain = %.2f (rounds %.2f to %.2f); target >= %.2f, no round below %.2f: %s%n",
                    ratios.median(), ratios.min(), ratios.max(), minRatio, minRound, met ? "met" : "NOT met");
            return met ? Exit.PASSED : Exit.FAILED;
        }
    }

    /** {@code orchestrate bench verify}: scan and classify against fio's crc32c verify, f3read and two cats on the same data. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Times the verifier against fio --verify=crc32c --verify_only, f3read and two cats at once (reading alone)"
                    + " on the same amount of data in the same directory, then scans a sparse image in a JVM with a 256 MiB heap."
                    + " Exit 0 if the median ratios meet --min-fio, --min-f3 and --min-cats.")
    static final class Verify implements Callable<Integer> {

        @Option(names = "--size", defaultValue = "4GiB", description = "data per peer, whole GiB (default: ${DEFAULT-VALUE})")
        String size;

        @Option(names = "--rounds", defaultValue = "5", description = "rounds (default: ${DEFAULT-VALUE})")
        int rounds;

        @Option(names = "--dir", defaultValue = "/dev/shm/orchestrate-bench",
                description = "where the data goes (default: ${DEFAULT-VALUE}, tmpfs)")
        Path dir;

        @Option(names = "--sparse", defaultValue = "16GiB",
                description = "size of the sparse image scanned with -Xmx256m; 0 skips it (default: ${DEFAULT-VALUE})")
        String sparse;

        @Option(names = "--breakdown", description = "also time the verifier's parts (read, stamp, payload, CRC) and print their shares")
        boolean breakdown;

        @Option(names = "--min-fio", defaultValue = "3.0", description = "the ratio to fio's verify to reach (default: ${DEFAULT-VALUE})")
        double minFio;

        @Option(names = "--min-f3", defaultValue = "2.5", description = "the ratio to f3read to reach (default: ${DEFAULT-VALUE})")
        double minF3;

        @Option(names = "--min-cats", defaultValue = "0.7",
                description = "the ratio to two cats reading the same data to reach (default: ${DEFAULT-VALUE})")
        double minCats;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            var err = spec.commandLine().getErr();
            long bytes;
            long sparseBytes;
            try {
                bytes = Size.parse(size).bytes();
                sparseBytes = Size.parse(sparse).bytes();
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return Exit.BAD_INPUT;
            }
            if (rounds < 1 || bytes < (1L << 30)) {
                err.println("--rounds must be at least 1 and --size at least 1GiB (f3 writes whole GiB)");
                return Exit.BAD_INPUT;
            }
            for (String[] tool : new String[][] {{"fio", "fio"}, {"f3read", "f3"}, {"f3write", "f3"}, {"cat", "coreutils"}}) {
                if (Executables.find(tool[0]).isEmpty()) {
                    err.println("bench verify needs " + tool[0] + ": apt-get install " + tool[1]);
                    return Exit.BROKEN;
                }
            }
            var out = spec.commandLine().getOut();
            var r = new VerifyBench(dir, bytes, rounds, sparseBytes, breakdown, out).run();
            boolean met = r.ours() / r.fio() >= minFio && r.ours() / r.f3() >= minF3 && r.ours() / r.cats() >= minCats;
            out.printf("vs fio %.2fx (target %.1fx), vs f3read %.2fx (target %.1fx), vs two cats %.2fx (target %.1fx): %s%n",
                    r.ours() / r.fio(), minFio, r.ours() / r.f3(), minF3, r.ours() / r.cats(), minCats, met ? "met" : "NOT met");
            return met ? Exit.PASSED : Exit.FAILED;
        }
    }

    /** {@code orchestrate bench suite}: one suite run, its wall time broken down per cell and phase. */
    @Command(name = "suite", mixinStandardHelpOptions = true,
            description = "Runs a suite as 'orchestrate run' does, renders its report, and breaks the wall time down per cell into"
                    + " the device's setup, each step kind and the teardown, plus JVM start, the run's end and the report."
                    + " Exit 0 if the run exited 0 and, with --max-seconds, the total is within it.")
    static final class OfSuite implements Callable<Integer> {

        @Parameters(paramLabel = "SUITE", description = "the suite file")
        Path suiteFile;

        @Option(names = "--only", paramLabel = "AXIS=VALUE", description = "run only these cells, as for 'orchestrate run'")
        List<String> only = new ArrayList<>();

        @Option(names = "--target", paramLabel = "FILE", description = "the target mapping to run on instead of the suite's")
        Path targetFile;

        @Option(names = "--reports", defaultValue = "reports/bench",
                description = "where the run's directory goes (default: ${DEFAULT-VALUE})")
        Path reports;

        @Option(names = "--max-seconds", paramLabel = "S", description = "the total wall time the run and its report must stay within")
        Double maxSeconds;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            var err = spec.commandLine().getErr();
            var out = spec.commandLine().getOut();
            Suite suite = SuiteInput.load(suiteFile, targetFile, err);
            if (suite == null) {
                return Exit.BAD_INPUT;
            }
            List<String> options = new ArrayList<>();
            only.forEach(term -> options.addAll(List.of("--only", term)));
            if (targetFile != null) {
                options.addAll(List.of("--target", targetFile.toString()));
            }
            SuiteBench.Result result = new SuiteBench(suite, options, reports, out).run();
            if (result.runExit() != Exit.PASSED) {
                return result.runExit();
            }
            if (maxSeconds == null) {
                return Exit.PASSED;
            }
            double total = result.total().toNanos() / 1e9;
            boolean met = total <= maxSeconds;
            out.printf(Locale.ROOT, "%.1f s; target <= %.1f s: %s%n", total, maxSeconds, met ? "met" : "NOT met");
            return met ? Exit.PASSED : Exit.FAILED;
        }
    }
}
