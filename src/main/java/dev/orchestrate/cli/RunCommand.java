package dev.orchestrate.cli;

import dev.orchestrate.dut.Targets;
import dev.orchestrate.engine.Catalog;
import dev.orchestrate.engine.CellFilter;
import dev.orchestrate.engine.Labels;
import dev.orchestrate.engine.OrchestrateEngine;
import dev.orchestrate.engine.Shard;
import dev.orchestrate.host.Packages;
import dev.orchestrate.suite.Cell;
import dev.orchestrate.suite.Suite;
import io.qameta.allure.AllureLifecycle;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code orchestrate run}: one suite, every selected cell, an Allure report, an exit code. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs every cell of a suite against its target and reports each as a test.",
                "Writes reports/<suite>/<timestamp>/: report.html and html/ (the Allure report), allure-results/, junit/ (JUnit XML),",
                "manifest.json, summary.json, console.log (what the run printed) and cells/ (attachments, command logs);"
                        + " reports/<suite>/latest links to it.",
                "The suite format: 'orchestrate schema --reference'.",
                "A lab target (linux-block, macos-disk) is checked before anything runs:"
                        + " a disk the refusal rules refuse is bad input (exit 2).",
                "--dry-run checks the target and prints every command that would change a device instead of running it; no cell runs."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every cell passed, or failed as its suite expects",
                "1:some cell failed unexpectedly: the device lost or damaged data, or an expected failure passed",
                "2:bad input (suite, options, or a refused disk); nothing was run",
                "3:the rig broke (a tool crashed or timed out), or every cell was skipped",
                "4:not finished: the run stopped at a reboot; 'orchestrate resume <run dir>' continues it",
                "130, 143:interrupted by SIGINT or SIGTERM: torn down, the report holds the cells that finished"})
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SUITE", description = "the suite file, e.g. suites/smoke.yaml")
    Path suiteFile;

    @Option(names = "--only", paramLabel = "AXIS=VALUE",
            description = "run only matching cells; repeat it: values of one axis are alternatives, different axes must all match")
    List<String> only = List.of();

    @Mixin
    ReportOutput output;

    @Option(names = "--label", paramLabel = "KEY=VALUE",
            description = "a label for the run, its report and every test case, e.g. --label driver=2.1.0-dext --label station=lab-mac-3;"
                    + " repeat it; also " + Labels.ENVIRONMENT + "=key=value,key=value in the environment")
    List<String> label = List.of();

    @Option(names = "--station", paramLabel = "NAME",
            description = "the station (lab machine) the run is on: the label station=NAME, which also keeps each test case apart"
                    + " from the same cell on other stations when their reports are merged ('orchestrate report --merge')")
    String station;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "run the I-th of N parts of the selected cells (after --only), dealt out round robin in matrix order,"
                    + " e.g. --shard 1/2 on one station and --shard 2/2 on another; every station computes the same split")
    String shardOption;

    @Option(names = "--rerun-failed", paramLabel = "RUN",
            description = "run only the cells that failed unexpectedly or broke in the earlier run RUN of this suite (its directory,"
                    + " e.g. reports/<suite>/latest, or its summary.json), found by their axis values; with --only and --shard, the cells"
                    + " in all three; nothing failed: exit 0, nothing run")
    Path rerunFailed;

    @Option(names = "--run-id", paramLabel = "HEX",
            description = "the run id stamped in every sector (up to 16 hex digits; default: random);"
                    + " the same id writes the same data again")
    String runIdOption;

    @Option(names = "--target", paramLabel = "FILE",
            description = "a YAML file holding a target mapping (e.g. 'kind: linux-block' and its keys) that replaces the suite's own"
                    + " target, so the same suite runs on the emulator and in the lab")
    Path targetFile;

    @Option(names = "--fail-fast", description = "stop at the first cell that fails unexpectedly or breaks: the cells after it are"
            + " skipped, saying why (a bisecting engineer wants the first failure, not the night)")
    boolean failFast;

    @Option(names = "--dry-run",
            description = "check the target (identity, refusal rules) and print every command that would change a device"
                    + " instead of running it; runs no cell, writes nothing to any device; exit 0 when every check passed")
    boolean dryRun;

    @Option(names = "--no-install", description = "install nothing, even as root: a package the target needs that is missing"
            + " skips its cells with the reason (a lab Mac, a locked-down CI host); also ORCHESTRATE_NO_INSTALL in the environment")
    boolean noInstall;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (noInstall) {
            Packages.forbidInstalls();
        }
        Labels labels;
        CellFilter filter;
        Shard shard;
        try {
            Labels given = Labels.parse(Optional.ofNullable(System.getenv(Labels.ENVIRONMENT)), label);
            labels = station == null ? given : given.withStation(station);
            filter = CellFilter.parse(only);
            shard = shardOption == null ? Shard.ALL : Shard.parse(shardOption);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return Exit.BAD_INPUT;
        }
        Suite suite = SuiteInput.load(suiteFile, targetFile, err);
        if (suite == null) {
            return Exit.BAD_INPUT;
        }
        RerunInput rerun = RerunInput.select(filter, rerunFailed, suite, out, err);
        if (rerun.filter().isEmpty()) {
            return rerun.exit();
        }
        filter = rerun.filter().get();
        List<Cell> selected = shard.cells(suite, filter);
        int cells = selected.size();
        if (cells == 0 && rerunFailed != null) {
            out.println("--rerun-failed " + rerunFailed + ": " + (selection(shard).isEmpty() ? suiteFile + " has none of the cells that"
                    + " failed there any more" : "none of the cells that failed there is in " + selection(shard)) + "; nothing was run");
            return Exit.PASSED;
        }
        if (cells == 0) {
            err.println(selection(shard) + " selects no cell of " + suiteFile + "; nothing was run");
            return Exit.BAD_INPUT;
        }

        List<String> refused = suite.targets().stream().flatMap(target -> Targets.deviceProblems(target, Catalog.needs(suite, target))
                .stream().map(line -> target.value("kind").at() + ": " + line)).distinct().toList();
        if (!refused.isEmpty()) {
            refused.forEach(err::println);
            err.println("the target is refused; nothing was run and nothing was written to any device");
            return Exit.BAD_INPUT;
        }
        if (dryRun) {
            return DryRun.run(suite, selected, out, err);
        }

        String runId;
        try {
            runId = String.format("%016x", runIdOption == null ? new SecureRandom().nextLong() : Long.parseUnsignedLong(runIdOption, 16));
        } catch (NumberFormatException e) {
            err.println("--run-id '" + runIdOption + "' is not a hex number of up to 16 digits, e.g. --run-id 1f2e3d4c5b6a7988");
            return Exit.BAD_INPUT;
        }
        AllureLifecycle lifecycle = output.open(suite.name(), shard.all() ? "" : "shard-" + shard.index() + "of" + shard.count());
        Path runDir = output.path();
        try (ConsoleLog console = ConsoleLog.open(runDir, out, err)) {
            console.out().printf("orchestrate run %s (%s): %d of %d cells%s%s, run %s%n  results in %s%n", suite.name(), suiteFile, cells,
                    suite.cells().size(), shard.all() ? "" : ", shard " + shard.text(), rerun.described(), runId, runDir);
            Tally tally = Launch.execute(suiteFile, cells, lifecycle, runDir.resolve("junit"),
                    Map.of(OrchestrateEngine.RUN_DIR, runDir.toString(),
                            OrchestrateEngine.RUN_ID, runId, CellFilter.PARAMETER, filter.asParameter(),
                            CellFilter.CELLS, filter.cellsParameter(),
                            OrchestrateEngine.TARGET_FILE, targetFile == null ? "" : targetFile.toAbsolutePath().toString(),
                            OrchestrateEngine.LABELS, labels.encoded(), OrchestrateEngine.FAIL_FAST, Boolean.toString(failFast),
                            Shard.PARAMETER, shard.text()),
                    console.out(), console.err());
            return Launch.close(output, suite, suiteFile, runId, tally, console.out(), console.err());
        }
    }

    /** "--only tool=cp --shard 3/3", as given, for a selection that selects nothing. */
    private String selection(Shard shard) {
        String terms = only.isEmpty() ? "" : "--only " + String.join(" --only ", only);
        return shard.all() ? terms : (terms + " --shard " + shard.text()).strip();
    }
}
