package dev.orchestrate.cli;

import dev.orchestrate.engine.Catalog;
import dev.orchestrate.engine.CellFilter;
import dev.orchestrate.engine.Manifest;
import dev.orchestrate.engine.OrchestrateEngine;
import dev.orchestrate.report.AllureBridge;
import dev.orchestrate.suite.Suite;
import dev.orchestrate.target.Targets;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

/** {@code orchestrate run}: one suite, every selected cell, an Allure report, an exit code. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs every cell of a suite against its target and reports each as a test.",
                "Writes reports/<suite>/<timestamp>/: report.html and html/ (the Allure report), allure-results/, junit/ (JUnit XML),",
                "manifest.json and cells/ (attachments, command logs); reports/<suite>/latest links to it.",
                "The suite format: 'orchestrate schema --reference'.",
                "A lab target (linux-block, macos-disk) is checked before anything runs: a disk the refusal rules refuse is bad input (exit 2).",
                "--dry-run checks the target and prints every command that would change a device instead of running it; no cell runs."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every cell passed", "1:some cell failed: the device lost or damaged data",
                "2:bad input (suite, options, or a refused disk); nothing was run", "3:the rig broke (a tool crashed or timed out), or every cell was skipped"})
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SUITE", description = "the suite file, e.g. suites/smoke.yaml")
    Path suiteFile;

    @Option(names = "--only", paramLabel = "AXIS=VALUE",
            description = "run only matching cells; repeat it: values of one axis are alternatives, different axes must all match")
    List<String> only = List.of();

    @Mixin
    ReportOutput output;

    @Option(names = "--run-id", paramLabel = "HEX",
            description = "the run id stamped in every sector (up to 16 hex digits; default: random); the same id writes the same data again")
    String runIdOption;

    @Option(names = "--dry-run",
            description = "check the target (identity, refusal rules) and print every command that would change a device instead of running it;"
                    + " runs no cell, writes nothing to any device; exit 0 when every check passed")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Suite suite = SuiteInput.load(suiteFile, err);
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
        List<String> problems = filter.problemsWith(suite);
        problems.forEach(err::println);
        int cells = (int) suite.cells().stream().filter(filter::matches).count();
        if (!problems.isEmpty() || cells == 0) {
            if (problems.isEmpty()) {
                err.println("--only " + String.join(" --only ", only) + " selects no cell of " + suiteFile + "; nothing was run");
            }
            return Exit.BAD_INPUT;
        }

        List<String> refused = Targets.deviceProblems(suite.target(), Catalog.needs(suite));
        if (!refused.isEmpty()) {
            refused.forEach(line -> err.println(suite.target().value("kind").at() + ": " + line));
            err.println("the target is refused; nothing was run and nothing was written to any device");
            return Exit.BAD_INPUT;
        }
        if (dryRun) {
            return DryRun.run(suite, filter, out, err);
        }

        String runId;
        try {
            runId = String.format("%016x", runIdOption == null ? new SecureRandom().nextLong() : Long.parseUnsignedLong(runIdOption, 16));
        } catch (NumberFormatException e) {
            err.println("--run-id '" + runIdOption + "' is not a hex number of up to 16 digits, e.g. --run-id 1f2e3d4c5b6a7988");
            return Exit.BAD_INPUT;
        }
        AllureLifecycle lifecycle = output.open(suite.name());
        Path runDir = output.path();
        out.printf("orchestrate run %s (%s): %d of %d cells, run %s%n  results in %s%n", suite.name(), suiteFile, cells, suite.cells().size(), runId, runDir);
        out.flush();

        Tally tally = new Tally();
        ConsoleProgress console = new ConsoleProgress(out, System.console() != null && System.console().isTerminal(), cells);
        LauncherConfig config = LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .addTestEngines(new OrchestrateEngine(console))
                .enableTestExecutionListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .addTestExecutionListeners(new AllureJunitPlatform(lifecycle), new AllureBridge(lifecycle),
                        new LegacyXmlReportGeneratingListener(runDir.resolve("junit"), err), tally, console)
                .build();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectFile(suiteFile.toFile()))
                .configurationParameter(OrchestrateEngine.RUN_DIR, runDir.toString())
                .configurationParameter(OrchestrateEngine.RUN_ID, runId)
                .configurationParameter(CellFilter.PARAMETER, filter.asParameter())
                .build();
        LauncherFactory.create(config).execute(request);

        int exit = output.finish(suite.name(), environment(suite, runId), tally.exitCode(), err);

        out.println();
        tally.lines.forEach(out::println);
        out.println(tally.summary());
        if (tally.ranNothing()) {
            out.println("no cell ran: every selected cell was skipped (the reasons are above); exit code 3");
        }
        out.println("  manifest: " + runDir.resolve(Manifest.FILE));
        out.println("  report:   " + output.where());
        out.flush();
        return exit;
    }

    private Map<String, String> environment(Suite suite, String runId) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("suite", suite.name() + " (" + suiteFile + ")");
        env.put("run id", runId);
        env.put("target kind", suite.target().text("kind"));
        env.put("sector size", String.valueOf(suite.sectorSize()));
        env.put("host", hostName());
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        env.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
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
