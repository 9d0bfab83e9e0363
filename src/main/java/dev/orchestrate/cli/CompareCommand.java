package dev.orchestrate.cli;

import dev.orchestrate.results.Comparison;
import dev.orchestrate.results.ComparisonReport;
import dev.orchestrate.results.Runs;
import dev.orchestrate.results.Summary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code orchestrate compare RUN BASELINE}: what changed since the baseline run; exit 1 when something new failed. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares a run with a baseline run of the same suite, cell by cell.",
                "New failures (with their defects), fixed, still failing (same or another defect), newly skipped, I/O patterns"
                        + " that changed, target identity and limits that changed.",
                "Prints it, and writes comparison.md and comparison.html into the run's directory (or --out).",
                "A nightly job gates on it: exit 1 when a cell failed that had not before."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no cell failed that had not failed in the baseline", "1:some cell failed, or broke, that had not before",
                "2:bad input: a run that cannot be found or read, or runs of different suites"})
final class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN", description = "the run: its directory (reports/<suite>/<timestamp>, or"
            + " reports/<suite>/latest) or its summary.json")
    Path run;

    @Parameters(index = "1", paramLabel = "BASELINE", description = "the baseline: a run directory or summary.json; 'latest', the newest"
            + " other run of the same suite beside it; or labels, e.g. driver=2.0.9, the newest other run of the suite that has them")
    String baseline;

    @Option(names = "--out", paramLabel = "DIR", description = "where comparison.md and comparison.html go (default: the run's directory)")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Summary now;
        Summary before;
        try {
            now = Runs.read(run);
            before = Runs.baseline(baseline, now);
        } catch (Runs.NotFound e) {
            err.println(e.getMessage());
            return Exit.BAD_INPUT;
        }
        Comparison comparison = Comparison.of(now, before);
        ComparisonReport report = new ComparisonReport(comparison);
        Path dir = out != null ? out : Path.of(now.runDir());
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("comparison.md"), report.markdown());
        Files.writeString(dir.resolve("comparison.html"), report.html());
        stdout.print(report.text());
        stdout.println();
        stdout.println("  written: " + dir.resolve("comparison.md") + ", " + dir.resolve("comparison.html"));
        stdout.flush();
        return comparison.regressed() ? Exit.FAILED : Exit.PASSED;
    }
}
