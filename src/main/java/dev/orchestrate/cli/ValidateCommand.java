package dev.orchestrate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code orchestrate validate}: checks suites without running them. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks suites and command logs without running anything.",
                "Suites: keys, values, references, tool and target fit. Command logs (JSON Lines or CSV, or a driver's own log"
                        + " with --trace-format; see docs/command-log.md): every bad line by its number."
                        + " Exit 0 if all are valid, 2 if not."})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "SUITE", description = "suite files (YAML)")
    List<Path> suites = List.of();

    @Option(names = "--target", paramLabel = "FILE",
            description = "check the suites with the target from this file instead of their own, as 'run --target' would")
    Path targetFile;

    @Option(names = "--trace", paramLabel = "LOG", description = "a command log to check; repeat for more")
    List<Path> traces = List.of();

    @Option(names = "--trace-format", paramLabel = "FILE",
            description = "read every --trace as a driver's own log in this line format (see docs/command-log.md, formats/)")
    Path traceFormat;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        int exit = Exit.PASSED;
        if (suites.isEmpty() && traces.isEmpty()) {
            spec.commandLine().getErr().println("name at least one suite or --trace LOG to check");
            return Exit.BAD_INPUT;
        }
        if (traceFormat != null && traces.isEmpty()) {
            spec.commandLine().getErr().println("--trace-format " + traceFormat + ": give the driver's logs it reads with --trace");
            return Exit.BAD_INPUT;
        }
        if (!traces.isEmpty()) {
            exit = checkTraces();
        }
        for (Path file : suites) {
            var suite = SuiteInput.load(file, targetFile, spec.commandLine().getErr());
            if (suite == null) {
                exit = Exit.BAD_INPUT;
            } else {
                spec.commandLine().getOut().println(file + ": valid, " + suite.cells().size()
                        + (suite.cells().size() == 1 ? " cell" : " cells"));
            }
        }
        return exit;
    }

    /** Checks every --trace log, read as --trace-format says; every bad line is printed by its number. */
    private int checkTraces() throws IOException {
        TraceInput input = TraceInput.of(traceFormat, spec.commandLine().getErr());
        if (input == null) {
            return Exit.BAD_INPUT;
        }
        int exit = Exit.PASSED;
        for (Path trace : traces) {
            if (!Files.isRegularFile(trace)) {
                spec.commandLine().getErr().println(trace + ": no such command log");
                exit = Exit.BAD_INPUT;
                continue;
            }
            var log = input.read(trace);
            log.problems().forEach(spec.commandLine().getErr()::println);
            if (log.problems().isEmpty()) {
                spec.commandLine().getOut().println(trace + ": valid, " + log.records().size() + " records");
            } else {
                spec.commandLine().getErr().println(trace + ": " + log.problems().size()
                        + (log.problems().size() == 1 ? " bad line" : " bad lines"));
                exit = Exit.BAD_INPUT;
            }
        }
        return exit;
    }
}
