package dev.orchestrate.engine;

import dev.orchestrate.data.SectorFormat;
import dev.orchestrate.host.ResumeHook;
import dev.orchestrate.outcome.NotRunnable;
import dev.orchestrate.process.Cancellation;
import dev.orchestrate.process.Runners;
import dev.orchestrate.outcome.Status;
import dev.orchestrate.step.CellContext;
import dev.orchestrate.suite.Suite;
import dev.orchestrate.dut.Placement;
import dev.orchestrate.dut.ReadBack;
import dev.orchestrate.dut.Resumable;
import dev.orchestrate.dut.Target;
import dev.orchestrate.dut.Targets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestExecutionResult;

/**
 * Runs one suite: opens and prepares the target, runs the selected cells in order, journals each
 * event, writes the manifest. A reboot that ends the process stops the run after the manifest of
 * what is done so far; resumed, the run skips the cells its journal finished and continues the interrupted one.
 */
final class SuiteRun {

    /** The manifest status of a cell a reboot interrupted. */
    static final String AWAITING_RESUME = "awaiting-resume";

    /** What every cell of the suite shares. */
    record Shared(EngineExecutionListener listener, Progress progress, Path workspace, long runId, SectorFormat format, Target target, Journal journal) {
    }

    private final SuiteDescriptor descriptor;
    private final EngineExecutionListener listener;
    private final Progress progress;
    private final Path workspace;
    private final long runId;
    private final List<String> only;
    private final String targetFile;
    private final boolean resume;

    SuiteRun(SuiteDescriptor descriptor, EngineExecutionListener listener, Progress progress, Path workspace, long runId, List<String> only, String targetFile,
             boolean resume) {
        this.descriptor = descriptor;
        this.listener = listener;
        this.progress = progress;
        this.workspace = workspace;
        this.runId = runId;
        this.only = only;
        this.targetFile = targetFile;
        this.resume = resume;
    }

    void run() {
        Suite suite = descriptor.suite();
        listener.executionStarted(descriptor);
        Journal.Log before = null;
        String started = Instant.now().toString();
        List<Manifest.CellRecord> records = new ArrayList<>();
        Target target;
        Journal journal;
        try {
            Files.createDirectories(workspace);
            if (resume) {
                before = Journal.read(workspace.resolve(Journal.FILE));
                started = before.started().at();
                // the journal is the record of progress: a cut between its last line and the manifest leaves no manifest yet
                Path manifest = workspace.resolve(Manifest.FILE);
                if (Files.exists(manifest)) {
                    Manifest.read(manifest).cells().stream().filter(c -> !c.status().equals(AWAITING_RESUME)).forEach(records::add);
                }
            }
            journal = Journal.open(workspace);
            if (!resume) {
                // a suite read from the classpath (in tests) has no file to hash and keep: such a run cannot be resumed
                String sha256 = "";
                if (Files.isRegularFile(suite.file())) {
                    sha256 = Journal.sha256(suite.file());
                    // the suite as it began, so that a resume can say what changed in it
                    Files.copy(suite.file(), workspace.resolve(Journal.SUITE_COPY), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                journal.append(new Journal.RunStarted(Journal.now(), Journal.FORMAT, String.format("%016x", runId), suite.name(),
                        suite.file().toAbsolutePath().toString(), sha256, only, suite.target().text("kind"), targetFile));
            }
            target = Targets.open(suite.target(), workspace, String.format("%016x", runId), Catalog.needs(suite));
            if (resume) {
                ((Resumable) target).prepareForResume();
            } else {
                target.prepare();
            }
        } catch (NotRunnable e) {
            descriptor.getChildren().forEach(cell -> listener.executionSkipped(cell, e.getMessage()));
            listener.executionFinished(descriptor, TestExecutionResult.successful());
            return;
        } catch (Throwable e) {
            listener.executionFinished(descriptor, TestExecutionResult.failed(e));
            return;
        }
        Shared shared = new Shared(listener, progress, workspace, runId, new SectorFormat(suite.sectorSize()), target, journal);
        Map<Integer, Journal.CellFinished> done = before == null ? Map.of() : before.finishedCells();
        Journal.AwaitingResume interrupted = before == null ? null : before.awaiting().orElse(null);
        Resumable.Boundary pausedBy = null;
        int notRun = 0;
        try (journal; target) {
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
                int resumeAfter = interrupted != null && interrupted.ordinal() == ordinal ? interrupted.step() : 0;
                listener.executionStarted(cell);
                if (resumeAfter == 0) {
                    journal.append(new Journal.CellStarted(Journal.now(), ordinal, cell.cell().name()));
                }
                CellRun run = new CellRun(suite, cell, shared, resumeAfter);
                TestExecutionResult result = run.run();
                listener.executionFinished(cell, result);
                if (run.pausedAt() > 0) {
                    pausedBy = Resumable.Boundary.of(suite.stepsFor(cell.cell()).get(run.pausedAt() - 1).kind()).orElseThrow();
                }
                records.add(record(run.context(), result, pausedBy != null));
                if (pausedBy != null) {
                    break;
                }
                journal.append(new Journal.CellFinished(Journal.now(), ordinal, cell.cell().name(), Status.of(result).label(),
                        result.getThrowable().map(Throwable::getMessage).orElse("")));
            }
            records.sort(java.util.Comparator.comparingInt(Manifest.CellRecord::ordinal));
            new Manifest(1, String.format("%016x", runId), suite.name(), suite.file().toString(), started, pausedBy != null ? "" : Instant.now().toString(),
                    suite.sectorSize(), target.describe(), records).write(workspace.resolve(Manifest.FILE));
            if (pausedBy != null) {
                takeHostDown((Resumable) target, pausedBy);
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

    /**
     * With the journal and manifest saved, a real reboot or power cut is handed to the host, after the
     * hook that runs {@code orchestrate resume} at boot is installed; a simulated one (the emulator) installs nothing.
     */
    private void takeHostDown(Resumable target, Resumable.Boundary boundary) {
        target.hostCommand(boundary).ifPresent(command ->
                ResumeHook.forThisHost(String.format("%016x", runId), workspace).handOver(command, Runners.LIVE.changes()));
    }

    private static Manifest.CellRecord record(CellContext context, TestExecutionResult result, boolean paused) {
        Map<String, String> axes = new LinkedHashMap<>();
        context.cell().axes().forEach((k, v) -> axes.put(k, v.text()));
        List<Manifest.FileRecord> files = new java.util.ArrayList<>();
        for (int i = 0; i < context.onTarget().size(); i++) {
            CellContext.Source s = context.onTarget().get(i);
            Placement p = context.placements().get(i);
            var readBack = context.lastReadBack(s.index());
            files.add(new Manifest.FileRecord(s.file().fileId(), s.name(), s.file().size(), s.file().generation(), s.file().sparse(),
                    p.path().toAbsolutePath().toString(), p.deviceOffset(),
                    readBack.map(ReadBack::extentMap).orElse(List.of()),
                    readBack.map(ReadBack::blockSize).orElse(p.blockSize())));
        }
        Path logFile = context.scratch().resolve(dev.orchestrate.dut.EmulatedTarget.COMMAND_LOG);
        String log = Files.exists(logFile) ? logFile.toAbsolutePath().toString() : "";
        Manifest.ScanRecord scan = context.scanned().map(s -> new Manifest.ScanRecord(s.mode(), s.region().start(), s.region().end(),
                s.region().blockSize(), s.region().description())).orElse(null);
        return new Manifest.CellRecord(context.cell().ordinal(), context.cell().name(), axes, paused ? AWAITING_RESUME : Status.of(result).label(),
                result.getThrowable().map(Throwable::getMessage).orElse(""), files, log, scan);
    }
}
