package dev.orchestrate.engine;

import dev.orchestrate.data.SectorFormat;
import dev.orchestrate.dut.Resumable;
import dev.orchestrate.dut.Target;
import dev.orchestrate.dut.TargetSet;
import dev.orchestrate.dut.Targets;
import dev.orchestrate.host.ResumeHook;
import dev.orchestrate.outcome.KnownFailure;
import dev.orchestrate.outcome.NotRunnable;
import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.outcome.Status;
import dev.orchestrate.process.Cancellation;
import dev.orchestrate.process.Runners;
import dev.orchestrate.suite.Cell;
import dev.orchestrate.suite.Suite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestExecutionResult;

/**
 * Runs one suite: opens and prepares its targets (one per distinct target mapping of the selected
 * cells), runs the selected cells in order, journals each event, writes the manifest. A reboot that
 * ends the process stops the run after the manifest of what is done so far; resumed, the run skips
 * the cells its journal finished and continues the interrupted one.
 */
final class SuiteRun {

    /** What every cell of the suite shares. */
    record Shared(EngineExecutionListener listener, Progress progress, Path workspace, long runId, SectorFormat format, Journal journal,
                  Runners runners, Labels labels) {
    }

    private final SuiteDescriptor descriptor;
    private final EngineExecutionListener listener;
    private final Progress progress;
    private final Path workspace;
    private final EngineConfig config;

    SuiteRun(SuiteDescriptor descriptor, EngineExecutionListener listener, Progress progress, Path workspace, EngineConfig config) {
        this.descriptor = descriptor;
        this.listener = listener;
        this.progress = progress;
        this.workspace = workspace;
        this.config = config;
    }

    void run() {
        Suite suite = descriptor.suite();
        listener.executionStarted(descriptor);
        Journal.Log before = null;
        String started = Instant.now().toString();
        List<Manifest.CellRecord> records = new ArrayList<>();
        TargetSet targets;
        Journal journal;
        try {
            Files.createDirectories(workspace);
            if (config.resume()) {
                before = Journal.read(workspace.resolve(Journal.FILE));
                started = before.started().at();
                // the journal is the record of progress: a cut between its last line and the manifest leaves no manifest yet
                Path manifest = workspace.resolve(Manifest.FILE);
                if (Files.exists(manifest)) {
                    Manifest.read(manifest).cells().stream().filter(c -> !c.status().equals(CellRun.AWAITING_RESUME)).forEach(records::add);
                }
            }
            journal = Journal.open(workspace);
            if (!config.resume()) {
                // a suite read from the classpath (in tests) has no file to hash and keep: such a run cannot be resumed
                String sha256 = "";
                if (Files.isRegularFile(suite.file())) {
                    sha256 = Journal.sha256(suite.file());
                    // the suite as it began, so that a resume can say what changed in it
                    Files.copy(suite.file(), workspace.resolve(Journal.SUITE_COPY), StandardCopyOption.REPLACE_EXISTING);
                }
                journal.append(new Journal.RunStarted(Journal.now(), Journal.FORMAT, config.hexRunId(), suite.name(),
                        suite.file().toAbsolutePath().toString(), sha256, config.filter().terms(), suite.targetKind(),
                        config.targetFile().map(Path::toString).orElse(""), config.labels().values(), config.shard().text(),
                        config.filter().picked().map(List::copyOf).orElse(null)));
            }
            List<Cell> cells = descriptor.getChildren().stream().map(child -> ((CellDescriptor) child).cell()).toList();
            targets = TargetSet.open(suite, cells, mapping -> Targets.open(mapping, workspace, config.hexRunId(),
                    Catalog.needs(suite, mapping)));
            targets.prepare(config.resume() ? SuiteRun::prepareForResume : Target::prepare);
        } catch (NotRunnable e) {
            descriptor.getChildren().forEach(cell -> listener.executionSkipped(cell, e.getMessage()));
            listener.executionFinished(descriptor, TestExecutionResult.successful());
            return;
        } catch (Throwable e) {
            listener.executionFinished(descriptor, TestExecutionResult.failed(e));
            return;
        }
        Shared shared = new Shared(listener, progress, workspace, config.runId(), new SectorFormat(suite.sectorSize()), journal,
                Runners.LIVE, config.labels());
        Map<Integer, Journal.CellFinished> done = before == null ? Map.of() : before.finishedCells();
        Journal.AwaitingResume interrupted = before == null ? null : before.awaiting().orElse(null);
        Optional<Resumable.Boundary> pausedBy = Optional.empty();
        Target pausedOn = null;
        Optional<String> failedFast = Optional.empty();
        int notRun = 0;
        try (journal; targets) {
            for (var child : descriptor.getChildren()) {
                CellDescriptor cell = (CellDescriptor) child;
                int ordinal = cell.cell().ordinal();
                if (done.containsKey(ordinal)) {
                    continue;
                }
                Optional<Cancellation.Request> stop = Cancellation.requested();
                if (stop.isPresent()) {
                    listener.executionSkipped(cell, Cancellation.NOT_RUN + stop.get().signal() + " before this cell started");
                    notRun++;
                    continue;
                }
                if (failedFast.isPresent()) {
                    listener.executionSkipped(cell, "not run: --fail-fast stopped the run after cell " + failedFast.get() + " failed");
                    continue;
                }
                int resumeAfter = interrupted != null && interrupted.ordinal() == ordinal ? interrupted.step() : 0;
                listener.executionStarted(cell);
                if (resumeAfter == 0) {
                    journal.append(new Journal.CellStarted(Journal.now(), ordinal, cell.cell().name()));
                }
                Target target = targets.of(cell.cell());
                CellOutcome outcome = new CellRun(suite, cell, shared, target, resumeAfter).run();
                listener.executionFinished(cell, outcome.result());
                records.add(outcome.record());
                pausedBy = outcome.pausedBy();
                if (pausedBy.isPresent()) {
                    pausedOn = target;
                    break;
                }
                journal.append(new Journal.CellFinished(Journal.now(), ordinal, cell.cell().name(), outcome.record().status(),
                        outcome.record().message()));
                if (config.failFast() && failsTheRun(outcome.result())) {
                    failedFast = Optional.of(cell.cell().name());
                }
            }
            records.sort(Comparator.comparingInt(Manifest.CellRecord::ordinal));
            new Manifest(1, config.hexRunId(), suite.name(), suite.file().toString(), started,
                    pausedBy.isPresent() ? "" : Instant.now().toString(), suite.sectorSize(), targets.describe(), records)
                    .write(workspace.resolve(Manifest.FILE));
            if (pausedBy.isPresent()) {
                takeHostDown(pausedOn.resumable().orElseThrow(), pausedBy.get());
            } else if (Cancellation.requested().isPresent()) {
                journal.append(new Journal.RunInterrupted(Journal.now(), Cancellation.requested().get().signal(), notRun));
            } else {
                journal.append(new Journal.RunFinished(Journal.now()));
            }
            listener.executionFinished(descriptor, TestExecutionResult.successful());
        } catch (IOException | RuntimeException e) {
            listener.executionFinished(descriptor, TestExecutionResult.failed(e));
        }
    }

    /** In a resumed run, instead of {@link Target#prepare}: the target set up again without wiping what the cells left. */
    private static void prepareForResume(Target target) {
        target.resumable().orElseThrow(() -> new RigBroken(target.describe() + " cannot be resumed")).prepareForResume();
    }

    /**
     * With the journal and manifest saved, a real reboot or power cut is handed to the host, after the
     * hook that runs {@code orchestrate resume} at boot is installed; a simulated one (the emulator) installs nothing.
     */
    private void takeHostDown(Resumable target, Resumable.Boundary boundary) {
        target.hostCommand(boundary).ifPresent(command ->
                ResumeHook.forThisHost(config.hexRunId(), workspace).handOver(command, Runners.LIVE.changes()));
    }

    /** A cell that failed unexpectedly or broke: what --fail-fast stops at. A failure the suite expects does not. */
    private static boolean failsTheRun(TestExecutionResult result) {
        Status status = Status.of(result);
        return status == Status.BROKEN
                || status == Status.FAILED && result.getThrowable().filter(KnownFailure.class::isInstance).isEmpty();
    }
}
