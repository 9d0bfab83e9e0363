package dev.orchestrate.cli;

import dev.orchestrate.emulator.Emulator;
import dev.orchestrate.engine.Readiness;
import dev.orchestrate.host.Capabilities;
import dev.orchestrate.host.Packages;
import dev.orchestrate.suite.Suite;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code orchestrate doctor}: what this host can run, per suite how many cells would run or skip and why, and what fixes each gap. */
@Command(name = "doctor", mixinStandardHelpOptions = true, exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every cell of the suites can run here (cells for another platform aside)",
                "2:bad input: a suite is invalid", "3:something a suite needs is missing (each gap is listed with its fix)"},
        description = {"Checks what this host can run, and installs what it lacks with --install.",
                "Root, /dev/fuse, loop devices, each file system, each copy tool, block tracing, the macOS helpers' compiler,"
                        + " Full Disk Access; then, for each suite (default: every suite in suites/), how many cells would run"
                        + " and why the others skip.",
                "--install installs every missing Debian package first (as root), as 'run' and 'self-test' do for what they need."})
final class DoctorCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SUITE", arity = "0..*", description = "suites to check (default: every suite in suites/)")
    List<Path> suites = List.of();

    @Option(names = "--install", description = "install every missing Debian package this host can use first (root and apt-get)")
    boolean install;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (install) {
            List<String> missing = Packages.missingAll(Emulator.fuseLibrary().isPresent());
            if (!Packages.installsAllowed()) {
                out.println("install: not allowed here (" + Packages.NO_INSTALL + " is set); missing: " + String.join(" ", missing));
            } else if (missing.isEmpty()) {
                out.println("install: nothing to install");
            } else {
                out.println("install: apt-get install " + String.join(" ", missing));
                out.flush();
                Packages.install(missing).ifPresent(why -> out.println("install: " + why));
            }
        }
        out.printf("orchestrate doctor: %s %s %s, user %s%n%n", System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"), System.getProperty("user.name"));
        List<String> packages = new ArrayList<>();
        out.println("host");
        for (Capabilities.Check c : Capabilities.of(Emulator.fuseLibrary())) {
            out.printf("  %-8s %-34s %s%s%n", c.ok() ? "ok" : c.elsewhere() ? "n/a" : "missing", c.name(), c.role(),
                    c.ok() ? "" : c.elsewhere() ? " (" + c.fix() + ")" : "; fix: " + c.fix());
            if (!c.ok() && !c.debianPackage().isEmpty() && !packages.contains(c.debianPackage())) {
                packages.add(c.debianPackage());
            }
        }
        List<Path> files = suites.isEmpty() ? shipped() : suites;
        boolean ready = true;
        boolean invalid = false;
        out.println();
        out.println("suites");
        for (Path file : files) {
            Suite suite = SuiteInput.load(file, err);
            if (suite == null) {
                invalid = true;
                continue;
            }
            Readiness r = Readiness.of(suite);
            ready &= r.ready();
            out.printf("  %-8s %s: %d of %d cells would run%n", r.ready() ? "ready" : "missing", file, r.runnable(), r.cells());
            print(out, "skip", r.fixable());
            print(out, "skip (another platform)", r.elsewhere());
        }
        out.println();
        if (!packages.isEmpty()) {
            out.println("to install every missing package at once: orchestrate doctor --install   (or: apt-get install "
                    + String.join(" ", packages) + ")");
        }
        out.println(invalid ? "some suites are invalid (above)" : ready ? "every cell of these suites can run on this host"
                : "some cells would be skipped: the fixes are above");
        out.flush();
        return invalid ? Exit.BAD_INPUT : ready ? Exit.PASSED : Exit.BROKEN;
    }

    private static void print(PrintWriter out, String what, Map<String, Integer> reasons) {
        reasons.forEach((reason, count) -> out.printf("             %d %s: %s%n", count, what, reason));
    }

    /** The suites in suites/ under the working directory, by name. */
    private static List<Path> shipped() throws IOException {
        Path dir = Path.of("suites");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().collect(Collectors.toList());
        }
    }
}
