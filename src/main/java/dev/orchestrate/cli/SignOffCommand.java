package dev.orchestrate.cli;

import dev.orchestrate.report.Pdf;
import dev.orchestrate.results.Runs;
import dev.orchestrate.results.SignOff;
import dev.orchestrate.results.SignOffPage;
import dev.orchestrate.results.Summary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code orchestrate sign-off RUN [--baseline RUN]}: the one page a release manager reads and attaches to the release. */
@Command(name = "sign-off", mixinStandardHelpOptions = true,
        description = {"Writes the release sign-off of a run: the driver build and station (the run's labels), suite, run id, dates,"
                + " verdict and counts; the target's identity and limits; the coverage matrix (tools down, the other axes across, each"
                + " square passed, failed with its defect, known failure with its ticket, broken, skipped or not covered); the"
                + " durability promises checked (what survived sync, eject, reboot, power cut); what changed since a baseline; and"
                + " the SHA-256 of the suite, the manifest and the summary.",
                "Writes sign-off.html (self-contained, prints on A4 and Letter), sign-off.pdf (rendered from it) and sign-off.md"
                        + " into the run's directory (or --out). A failed run gets its sign-off too: the page says it failed."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the sign-off is written, whatever the run's verdict",
                "2:bad input: a run or baseline that cannot be found or read, or a baseline of another suite",
                "3:the PDF cannot be rendered (sign-off.html and sign-off.md are written)"})
final class SignOffCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN", description = "the run: its directory (reports/<suite>/<timestamp>, or"
            + " reports/<suite>/latest) or its summary.json")
    Path run;

    @Option(names = "--baseline", paramLabel = "RUN", description = "a run to compare with: a run directory or summary.json; 'latest',"
            + " the newest other run of the same suite beside it; or labels, e.g. driver=2.0.9, the newest other run of the suite that has"
            + " them")
    String baseline;

    @Option(names = "--out", paramLabel = "DIR", description = "where the sign-off goes (default: the run's directory)")
    Path out;

    @Option(names = "--paper", paramLabel = "SIZE", defaultValue = "A4", description = "the PDF's paper: ${COMPLETION-CANDIDATES}"
            + " (default: ${DEFAULT-VALUE})")
    Pdf.Paper paper;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Summary now;
        Optional<Summary> before = Optional.empty();
        try {
            now = Runs.read(run);
            if (baseline != null) {
                before = Optional.of(Runs.baseline(baseline, now));
            }
        } catch (Runs.NotFound e) {
            err.println(e.getMessage());
            return Exit.BAD_INPUT;
        }
        // the run's own directory, not reports/<suite>/latest, which moves on with the next run
        Path runDir = Runs.directory(run).toRealPath();
        SignOffPage page = new SignOffPage(SignOff.read(runDir, now, before));
        Path dir = out != null ? out : runDir;
        Files.createDirectories(dir);
        Path html = dir.resolve("sign-off.html");
        Path pdf = dir.resolve("sign-off.pdf");
        Path md = dir.resolve("sign-off.md");
        Files.writeString(md, page.markdown());
        String xhtml = page.html();
        Files.writeString(html, xhtml);
        stdout.println(page.title() + ": " + now.verdict());
        try {
            Pdf.render(xhtml, pdf, paper);
        } catch (Pdf.Unrendered e) {
            err.println(e.getMessage());
            err.println("  written: " + html + ", " + md + " (print the HTML page instead)");
            return Exit.BROKEN;
        }
        stdout.println("  written: " + html + ", " + pdf + ", " + md);
        stdout.flush();
        return Exit.PASSED;
    }
}
