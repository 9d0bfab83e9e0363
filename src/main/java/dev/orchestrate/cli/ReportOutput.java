package dev.orchestrate.cli;

import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.report.AllureReport;
import dev.orchestrate.report.Executor;
import dev.orchestrate.report.RunDirectory;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where a command's report goes ({@code --reports}, {@code --no-html}), the build it belongs to
 * ({@code --build-order}, {@code --build-url}, {@code --report-url}), and the run directory and
 * Allure report behind it, from creation to the {@code latest} link. Shared by run, resume, verify and report.
 */
final class ReportOutput {

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "reports",
            description = "where run directories go (default: ${DEFAULT-VALUE})")
    Path reports;

    @Option(names = "--no-html", description = "write allure-results but do not generate the HTML report")
    boolean noHtml;

    @Option(names = "--build-url", paramLabel = "URL",
            description = "the build's page, linked from the report's executor (default: the CI engine's, else the run directory)")
    String buildUrl;

    @Option(names = "--report-url", paramLabel = "URL", description = "where the report will be published, linked from its trend"
            + " (default: the CI build's page, else the run's report.html)")
    String reportUrl;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private Long buildOrder;
    private RunDirectory run;
    private AllureReport report;
    /** Whether {@code latest} is to point at this run: not for a directory given by hand. */
    private boolean linked = true;

    @Option(names = "--build-order", paramLabel = "N", description = "the build's number, which numbers the report's trend"
            + " (default: GITHUB_RUN_NUMBER or BUILD_NUMBER, else one more than the previous run's)")
    void buildOrder(long order) {
        if (order < 1) {
            throw new ParameterException(spec.commandLine(), "--build-order " + order + ": give the build's number, 1 or more");
        }
        buildOrder = order;
    }

    /**
     * Creates {@code reports/<name>/<timestamp>[_<tag>]/} with the previous run's history; returns the Allure lifecycle writing
     * into it.
     */
    AllureLifecycle open(String name, String tag) throws IOException {
        run = RunDirectory.create(reports, name, tag);
        report = new AllureReport(run.path());
        report.prepare(run.previous());
        return new AllureLifecycle(new FileSystemResultsWriter(report.results()));
    }

    /**
     * Creates the directory of a merged report: {@code out}, which must be new or empty, or else a new
     * {@code reports/<name>/<timestamp>/}; with the history of {@code history}, a report's directory,
     * or else of the previous merged report beside the new one. Returns its allure-results.
     */
    Path openMerged(String name, Path out, Path history) throws IOException {
        if (out == null) {
            run = RunDirectory.create(reports, name, "");
        } else {
            run = new RunDirectory(out.toAbsolutePath().getParent(), Files.createDirectories(out.toAbsolutePath()));
            linked = false;
        }
        report = new AllureReport(run.path());
        report.prepare(history != null ? history : linked ? run.previous() : null);
        return report.results();
    }

    /** Opens an existing run directory again, to add to its results (a resumed run). */
    AllureLifecycle reopen(Path runDir) {
        run = new RunDirectory(runDir.getParent(), runDir);
        report = new AllureReport(runDir);
        return new AllureLifecycle(new FileSystemResultsWriter(report.results()));
    }

    /** Joins the parts of cells that a reboot split across processes into one test case each. */
    void joinResumedCells() throws IOException {
        report.joinResumedCells();
    }

    Path path() {
        return run.path();
    }

    /**
     * Describes the report (its build from the options and the CI engine's environment), renders it and links it as
     * latest; a report that cannot be made turns a pass into a broken rig.
     */
    int finish(String title, Map<String, String> environment, int exit, PrintWriter err) throws IOException {
        report.describe(environment, report.executor(System.getenv(), new Executor.Given(buildOrder, buildUrl, reportUrl)));
        int result = exit;
        if (!noHtml) {
            try {
                report.generate(title + " " + run.path().getFileName());
            } catch (RigBroken e) {
                err.println("the Allure report could not be generated: " + e.getMessage());
                result = exit == Exit.PASSED ? Exit.BROKEN : exit;
            }
        }
        if (linked) {
            run.markLatest();
        }
        return result;
    }

    /** The line that tells a person where to look. */
    String where() {
        return noHtml ? report.results() + " (no HTML: --no-html)"
                : report.singleFile() + "  (open it in a browser; html/ holds the same report for a web server)";
    }
}
