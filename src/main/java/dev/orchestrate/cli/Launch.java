package dev.orchestrate.cli;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import dev.orchestrate.engine.Journal;
import dev.orchestrate.engine.Labels;
import dev.orchestrate.engine.Manifest;
import dev.orchestrate.engine.OrchestrateEngine;
import dev.orchestrate.engine.Shard;
import dev.orchestrate.process.Cancellation;
import dev.orchestrate.report.AllureBridge;
import dev.orchestrate.results.RunSummary;
import dev.orchestrate.results.Summary;
import dev.orchestrate.suite.Suite;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

/**
 * Runs a suite's cells through the JUnit Platform with the report's listeners, and closes the run
 * with its exit code and summary; shared by {@code run} and {@code resume}.
 */
final class Launch {

    private Launch() {
    }

    /** Runs the cells; {@code parameters} are the engine's configuration ({@link OrchestrateEngine}). */
    static Tally execute(Path suiteFile, int cells, AllureLifecycle lifecycle, Path junit, Map<String, String> parameters, PrintWriter out,
                         PrintWriter err) {
        // SIGINT and SIGTERM from here on stop the run at the current step, tear down and still report
        Cancellation.onSignals(err);
        Tally tally = new Tally();
        ConsoleProgress console = new ConsoleProgress(out, System.console() != null && System.console().isTerminal(), cells);
        LauncherConfig config = LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .addTestEngines(new OrchestrateEngine(console))
                .enableTestExecutionListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .addTestExecutionListeners(new AllureJunitPlatform(lifecycle), new AllureBridge(lifecycle),
                        new LegacyXmlReportGeneratingListener(junit, err), tally, console)
                .build();
        LauncherFactory.create(config).execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectFile(suiteFile.toFile()))
                .configurationParameters(parameters)
                .build());
        return tally;
    }

    /**
     * Finishes the report and prints the summary; a run that stopped at a reboot to be resumed
     * exits {@link Exit#AWAITING_RESUME}, whatever its cells did so far.
     */
    static int close(ReportOutput output, Suite suite, Path suiteFile, String runId, Tally tally, PrintWriter out,
                     PrintWriter err) throws IOException {
        Path runDir = output.path();
        Optional<Journal.Log> journal = journal(runDir);
        Optional<Journal.AwaitingResume> awaiting = journal.flatMap(Journal.Log::awaiting);
        Optional<Cancellation.Request> stopped = Cancellation.requested();
        Labels labels = journal.map(j -> j.started().runLabels()).orElse(Labels.NONE);
        Shard shard = journal.map(j -> j.started().runShard()).orElse(Shard.ALL);
        int exit = output.finish(suite.name(), environment(suite, suiteFile, runId, shard, labels),
                stopped.map(Cancellation.Request::exitCode).orElse(awaiting.isPresent() ? Exit.AWAITING_RESUME : tally.exitCode()), err);
        if (journal.isPresent()) {
            exit = summarize(runDir, journal.get().started(), suite, tally, exit, err);
        }
        out.println();
        tally.lines.forEach(out::println);
        out.println(tally.summary());
        stopped.ifPresent(s -> out.printf("INTERRUPTED by %s: the run stopped at the current step (a cell stopped in its steps is broken,"
                + " 'interrupted'), the cells after it did not run; the report holds what finished (exit code %d)%n",
                s.signal(), s.exitCode()));
        awaiting.ifPresentOrElse(a -> out.printf("NOT FINISHED: the run stopped at the reboot at step %d of cell %s and awaits a resume"
                        + " (exit code %d, neither pass nor fail);"
                        + "%n  continue it with: orchestrate resume %s%n", a.step(), a.cell(), Exit.AWAITING_RESUME, runDir),
                () -> {
                    if (tally.ranNothing() && stopped.isEmpty()) {
                        out.println("no cell ran: every selected cell was skipped (the reasons are above); exit code 3");
                    }
                });
        out.println("  manifest: " + runDir.resolve(Manifest.FILE));
        out.println("  summary:  " + runDir.resolve(Summary.FILE));
        out.println("  report:   " + output.where());
        out.flush();
        return exit;
    }

    /** The run's journal; empty when it has none or it cannot be read (then it did not stop at a reboot either). */
    private static Optional<Journal.Log> journal(Path runDir) {
        Path file = runDir.resolve(Journal.FILE);
        try {
            return Files.exists(file) ? Optional.of(Journal.read(file)) : Optional.empty();
        } catch (Journal.Unreadable e) {
            return Optional.empty();
        }
    }

    /** Writes summary.json; a run whose summary cannot be written has no result a gate can read, so a pass becomes a broken rig. */
    private static int summarize(Path runDir, Journal.RunStarted started, Suite suite, Tally tally, int exit, PrintWriter err) {
        try {
            Path manifest = runDir.resolve(Manifest.FILE);
            Optional<Manifest> read = Files.exists(manifest) ? Optional.of(Manifest.read(manifest)) : Optional.empty();
            RunSummary.Ending ending = new RunSummary.Ending(exit, Exit.verdict(exit), tally.counts());
            RunSummary.of(runDir, started, read, suite.targetKind(), ending).write(runDir.resolve(Summary.FILE));
            return exit;
        } catch (IOException e) {
            err.println("the run's summary could not be written to " + runDir.resolve(Summary.FILE) + ": " + e.getMessage());
            return exit == Exit.PASSED ? Exit.BROKEN : exit;
        }
    }

    private static Map<String, String> environment(Suite suite, Path suiteFile, String runId, Shard shard, Labels labels) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("suite", suite.name() + " (" + suiteFile + ")");
        env.put("run id", runId);
        if (!shard.all()) {
            env.put("shard", shard.text());
        }
        env.put("target kind", suite.targetKind());
        env.put("sector size", String.valueOf(suite.sectorSize()));
        env.put("host", hostName());
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        env.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        env.putAll(labels.values());
        return env;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
