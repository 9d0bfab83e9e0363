package dev.orchestrate.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code orchestrate validate}: checks suites without running them. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks suites without running anything: keys, values, references, tool and target fit. Exit 0 if all are valid, 2 if not.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "SUITE", description = "suite files (YAML)")
    List<Path> suites;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        int exit = Exit.PASSED;
        for (Path file : suites) {
            var suite = SuiteInput.load(file, spec.commandLine().getErr());
            if (suite == null) {
                exit = Exit.BAD_INPUT;
            } else {
                spec.commandLine().getOut().println(file + ": valid, " + suite.cells().size() + (suite.cells().size() == 1 ? " cell" : " cells"));
            }
        }
        return exit;
    }
}
