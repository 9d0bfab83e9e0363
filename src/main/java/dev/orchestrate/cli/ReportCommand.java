package dev.orchestrate.cli;

import dev.orchestrate.engine.Labels;
import dev.orchestrate.report.AllureReport;
import dev.orchestrate.report.MergedResults;
import dev.orchestrate.results.MergedSummary;
import dev.orchestrate.results.Runs;
import dev.orchestrate.results.Summary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code orchestrate report --merge}: the runs of one suite on several stations as one report and one summary. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Merges runs of one suite into one Allure report and one summary.json.",
                "The runs are a night's stations, each with --station, and their --shard parts: every cell once per station,"
                        + " with the station as a label and in its history; counts summed; the worst verdict;"
                        + " the labels all runs share at the top.",
                "Writes reports/<suite>-merged/<timestamp>/ (report.html, html/, allure-results/, summary.json), linked as latest"
                        + " there, whose history the next merge carries on; or --out DIR.",
                "Gate on the merged summary with 'orchestrate compare'."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the merged report and summary.json were written (what the runs found is in them: gate with compare)",
                "2:bad input: a directory that is not a run, runs of different suites, the same cell twice on one station,"
                        + " an --out that is not empty, or a --history that is no report",
                "3:the report could not be generated"})
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--merge", paramLabel = "RUN_DIR", arity = "1..*", required = true,
            description = "the run directories to merge (reports/<suite>/<timestamp>, as each station's job left it)")
    List<Path> runs;

    @Option(names = "--out", paramLabel = "DIR",
            description = "where the merged report goes, a new or empty directory (default: a new reports/<suite>-merged/<timestamp>/)")
    Path out;

    @Option(names = "--history", paramLabel = "DIR",
            description = "a report whose history (html/history) the merged report carries on, e.g. last night's merged report"
                    + " downloaded by a CI job (default: the latest merged report beside the new one; none with --out);"
                    + " each cell's history on its station comes from the runs themselves")
    Path history;

    @Mixin
    ReportOutput output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Summary> summaries = new ArrayList<>();
        try {
            for (Path run : runs) {
                summaries.add(read(run));
            }
            MergedSummary.check(summaries);
            if (out != null && Files.isDirectory(out) && !empty(out)) {
                throw new IllegalArgumentException("--out " + out + " is not empty: give a new or empty directory for the merged report");
            }
            if (history != null && !Files.isDirectory(history.resolve(AllureReport.HTML))) {
                throw new IllegalArgumentException("--history " + history + ": no " + AllureReport.HTML + "/ there; give the directory"
                        + " of a report with its HTML (a merged report's, as report --merge wrote it)");
            }
        } catch (Runs.NotFound | IllegalArgumentException e) {
            err.println(e.getMessage());
            return Exit.BAD_INPUT;
        }
        String suite = summaries.getFirst().suite();
        Path results = output.openMerged(suite + "-merged", out, history);
        Path dir = results.getParent();
        List<MergedResults.Run> merging = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            merging.add(new MergedResults.Run(runs.get(i).resolve(AllureReport.RESULTS), new Labels(summaries.get(i).labels()).station()));
        }
        Map<String, String> environment = MergedResults.merge(merging, results);
        Summary merged = MergedSummary.of(summaries, dir);
        int exit = output.finish(suite + " merged", environment, Exit.PASSED, err);
        merged.write(dir.resolve(Summary.FILE));
        stdout.printf("orchestrate report: %d runs of %s merged (stations: %s): %d cells, verdict %s%n", summaries.size(), suite,
                String.join(", ", merging.stream().map(r -> r.station().isEmpty() ? "none" : r.station()).distinct().toList()),
                merged.cells().size(), merged.verdict());
        stdout.println("  summary:  " + dir.resolve(Summary.FILE));
        stdout.println("  report:   " + output.where());
        stdout.flush();
        return exit;
    }

    /** The summary of a run directory that has its Allure results; anything else is not a run to merge. */
    private static Summary read(Path run) throws Runs.NotFound {
        if (!Files.isDirectory(run)) {
            throw new IllegalArgumentException(run + ": not a run directory; give the run directories to merge"
                    + " (reports/<suite>/<timestamp>)");
        }
        Summary summary = Runs.read(run);
        if (!Files.isDirectory(run.resolve(AllureReport.RESULTS))) {
            throw new IllegalArgumentException(run + ": no " + AllureReport.RESULTS + "/ there; give the whole run directory,"
                    + " as the run left it");
        }
        return summary;
    }

    private static boolean empty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
