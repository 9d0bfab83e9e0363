package dev.orchestrate.cli;

import dev.orchestrate.engine.CellFilter;
import dev.orchestrate.engine.Readiness;
import dev.orchestrate.engine.Shard;
import dev.orchestrate.suite.Cell;
import dev.orchestrate.suite.Expectation;
import dev.orchestrate.suite.Suite;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code orchestrate list SUITE}: the cells a run would have, which this host would skip and why, and what the suite expects of each. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Lists a suite's cells, and which of them this host would skip and why.",
                "Each cell with its steps' count and what the suite expects of it; --only and --rerun-failed select as 'run' does."
                        + " Runs nothing."})
final class ListCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SUITE", description = "the suite file")
    Path suiteFile;

    @Option(names = "--only", paramLabel = "AXIS=VALUE", description = "list only matching cells, as 'run --only' selects them")
    List<String> only = List.of();

    @Option(names = "--rerun-failed", paramLabel = "RUN",
            description = "list only the cells that failed unexpectedly or broke in the earlier run RUN,"
                    + " as 'run --rerun-failed' selects them")
    Path rerunFailed;

    @Option(names = "--target", paramLabel = "FILE", description = "a target mapping that replaces the suite's own, as for 'run'")
    Path targetFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Suite suite = SuiteInput.load(suiteFile, targetFile, err);
        if (suite == null) {
            return Exit.BAD_INPUT;
        }
        CellFilter filter;
        try {
            filter = CellFilter.parse(only);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return Exit.BAD_INPUT;
        }
        RerunInput rerun = RerunInput.select(filter, rerunFailed, suite, out, err);
        if (rerun.filter().isEmpty()) {
            return rerun.exit();
        }
        List<Cell> cells = Shard.ALL.cells(suite, rerun.filter().get());
        int skipped = 0;
        out.printf("%s (%s): %d of %d cells%s%n", suite.name(), suiteFile, cells.size(), suite.cells().size(), rerun.described());
        for (Cell cell : cells) {
            Optional<Readiness.Skip> skip = Readiness.skip(suite, cell);
            skipped += skip.isPresent() ? 1 : 0;
            String expects = suite.expectation(cell).map(Expectation::describe).map(e -> "; expected: " + e).orElse("");
            String fate = skip.map(s -> "would skip: " + s.reason() + (s.elsewhere() ? " (another platform)" : ""))
                    .orElse("would run, " + suite.stepsFor(cell).size() + " steps");
            out.printf("  %3d  %-48s %s%n", cell.ordinal(), cell.name(), fate + expects);
        }
        out.printf("%d would run, %d would be skipped on this host%n", cells.size() - skipped, skipped);
        out.flush();
        return Exit.PASSED;
    }
}
