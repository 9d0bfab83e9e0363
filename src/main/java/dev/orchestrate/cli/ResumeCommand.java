package dev.orchestrate.cli;

import dev.orchestrate.engine.CellFilter;
import dev.orchestrate.engine.Journal;
import dev.orchestrate.engine.OrchestrateEngine;
import dev.orchestrate.engine.Shard;
import dev.orchestrate.host.ResumeHook;
import dev.orchestrate.suite.Suite;
import io.qameta.allure.AllureLifecycle;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code orchestrate resume}: continues a run that a reboot ended, from its journal: the
 * interrupted cell with the step after the reboot, then the cells not yet run, into the same
 * results and manifest; then removes the resume hook. Run at boot by that hook, or by hand.
 */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {"Continues a run that stopped at a reboot (exit code 4).",
                "The interrupted cell goes on with the step after the reboot, then the remaining cells run; the report,"
                        + " allure-results/ and manifest.json of the run directory are completed, each cell in them once,"
                        + " and what it prints is appended to the run's console.log.",
                "Checks first that the suite file is unchanged. A finished run is left as it is."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every cell passed or failed as its suite expects, or the run was finished already",
                "1:some cell failed unexpectedly: the device lost or damaged data, or an expected failure passed",
                "2:bad input: not a run directory, a damaged journal, a changed suite, or a run that cannot be continued",
                "3:the rig broke", "4:not finished: the run stopped at another reboot",
                "130, 143:interrupted by SIGINT or SIGTERM: torn down, the report holds the cells that finished"})
final class ResumeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "the run directory, e.g. reports/resume/latest")
    Path runDir;

    @Option(names = "--no-html", description = "write allure-results but do not generate the HTML report")
    boolean noHtml;

    private final ReportOutput output = new ReportOutput();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = runDir.toAbsolutePath().normalize();
        Path file = dir.resolve(Journal.FILE);
        if (!Files.isRegularFile(file)) {
            err.println(dir + ": no run journal (" + Journal.FILE + "); name a run directory, e.g. reports/<suite>/latest");
            return Exit.BAD_INPUT;
        }
        Journal.Log log;
        try {
            log = Journal.read(file);
        } catch (Journal.Unreadable e) {
            err.println(e.getMessage());
            return Exit.BAD_INPUT;
        }
        Journal.RunStarted started = log.started();
        ResumeHook hook = ResumeHook.forThisHost(started.runId(), dir);
        if (log.finished()) {
            out.println("run " + started.runId() + " of " + started.suite() + " in " + dir + " is finished already; nothing to resume");
            removeHook(hook, err);
            return Exit.PASSED;
        }
        if (log.awaiting().isEmpty()) {
            err.println(dir + ": the run did not stop at a reboot (its journal ends with " + describe(log.events().getLast())
                    + "): it was killed or lost power, and its device state is gone; run the suite again");
            return Exit.BAD_INPUT;
        }
        Path suiteFile = Path.of(started.suiteFile());
        String changed = changes(suiteFile, started.sha256(), dir.resolve(Journal.SUITE_COPY));
        if (changed != null) {
            err.println(changed);
            return Exit.BAD_INPUT;
        }
        Path targetFile = started.targetFile() == null || started.targetFile().isEmpty() ? null : Path.of(started.targetFile());
        Suite suite = SuiteInput.load(suiteFile, targetFile, err);
        if (suite == null) {
            return Exit.BAD_INPUT;
        }
        CellFilter filter = started.runFilter();
        Map<Integer, Journal.CellFinished> done = log.finishedCells();
        int cells = (int) started.runShard().cells(suite, filter).stream().filter(c -> !done.containsKey(c.ordinal())).count();
        Journal.AwaitingResume at = log.awaiting().get();
        try (ConsoleLog console = ConsoleLog.open(dir, out, err)) {
            console.out().printf("orchestrate resume %s (%s): run %s, cell %s after the reboot at step %d, then %d more%n  results in %s%n",
                    suite.name(), suiteFile, started.runId(), at.cell(), at.step(), cells - 1, dir);
            output.noHtml = noHtml;
            AllureLifecycle lifecycle = output.reopen(dir);
            Tally tally = Launch.execute(suiteFile, cells, lifecycle, dir.resolve("junit").resolve("resumed"), Map.of(
                    OrchestrateEngine.RUN_DIR, dir.toString(), OrchestrateEngine.RUN_ID, started.runId(),
                    CellFilter.PARAMETER, filter.asParameter(), CellFilter.CELLS, filter.cellsParameter(), OrchestrateEngine.RESUME, "true",
                    OrchestrateEngine.TARGET_FILE, targetFile == null ? "" : targetFile.toString(),
                    OrchestrateEngine.LABELS, started.runLabels().encoded(), Shard.PARAMETER, started.runShard().text()),
                    console.out(), console.err());
            done.values().forEach(c -> tally.count(c.status(), c.cell(), c.message()));
            output.joinResumedCells();
            int exit = Launch.close(output, suite, suiteFile, started.runId(), tally, console.out(), console.err());
            if (exit != Exit.AWAITING_RESUME) {
                removeHook(hook, console.err());
            }
            return exit;
        }
    }

    /** Null when the suite is the one the run began with; else what changed, and what to do. */
    private static String changes(Path suiteFile, String sha256, Path copy) throws IOException {
        if (sha256.isEmpty()) {
            return suiteFile + ": the run began from a suite that is not a file (a classpath resource, in tests), so it cannot be resumed";
        }
        if (!Files.isRegularFile(suiteFile)) {
            return suiteFile + ": the run's suite file is not there any more; put it back (the run began with the copy in " + copy + ")";
        }
        String now = Journal.sha256(suiteFile);
        if (now.equals(sha256)) {
            return null;
        }
        String where = "";
        if (Files.isRegularFile(copy)) {
            List<String> was = Files.readAllLines(copy);
            List<String> is = Files.readAllLines(suiteFile);
            int line = 0;
            while (line < was.size() && line < is.size() && was.get(line).equals(is.get(line))) {
                line++;
            }
            where = "; first difference at line " + (line + 1) + ": was '" + (line < was.size() ? was.get(line).strip() : "(end of file)")
                    + "', now '" + (line < is.size() ? is.get(line).strip() : "(end of file)") + "'";
        }
        return suiteFile + ": changed since the run began (SHA-256 " + sha256.substring(0, 12) + "..., now " + now.substring(0, 12) + "...)"
                + where + "; a resume runs the suite the run began with:"
                + " restore it (the original is in " + copy + ") or run the suite again";
    }

    private static String describe(Journal.Event event) {
        return switch (event) {
            case Journal.StepCompleted s -> "step " + s.step() + " (" + s.title() + ") of cell " + s.cell();
            case Journal.CellStarted c -> "the start of cell " + c.cell();
            case Journal.Resumed r -> "the resume of cell " + r.cell();
            case Journal.CellFinished c -> "the end of cell " + c.cell();
            case Journal.RunInterrupted i -> "the run's interruption by " + i.signal() + "; run the suite again";
            default -> "the start of the run";
        };
    }

    private static void removeHook(ResumeHook hook, PrintWriter err) {
        hook.remove().forEach(problem -> err.println("the resume hook " + hook.file() + " could not be removed fully: " + problem));
    }
}
