package dev.orchestrate.engine;

import dev.orchestrate.data.SectorFormat;
import dev.orchestrate.outcome.NotRunnable;
import dev.orchestrate.outcome.Status;
import dev.orchestrate.step.CellContext;
import dev.orchestrate.suite.Suite;
import dev.orchestrate.target.Placement;
import dev.orchestrate.target.Target;
import dev.orchestrate.target.Targets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestExecutionResult;

/** Runs one suite: opens and prepares the target, runs the selected cells in order, writes the manifest. */
final class SuiteRun {

    /** What every cell of the suite shares. */
    record Shared(EngineExecutionListener listener, Progress progress, Path workspace, long runId, SectorFormat format, Target target) {
    }

    private final SuiteDescriptor descriptor;
    private final EngineExecutionListener listener;
    private final Progress progress;
    private final Path workspace;
    private final long runId;

    SuiteRun(SuiteDescriptor descriptor, EngineExecutionListener listener, Progress progress, Path workspace, long runId) {
        this.descriptor = descriptor;
        this.listener = listener;
        this.progress = progress;
        this.workspace = workspace;
        this.runId = runId;
    }

    void run() {
        Suite suite = descriptor.suite();
        listener.executionStarted(descriptor);
        String started = Instant.now().toString();
        List<Manifest.CellRecord> records = new ArrayList<>();
        Target target;
        try {
            Files.createDirectories(workspace);
            target = Targets.open(suite.target(), workspace, String.format("%016x", runId), Catalog.needs(suite));
            target.prepare();
        } catch (NotRunnable e) {
            descriptor.getChildren().forEach(cell -> listener.executionSkipped(cell, e.getMessage()));
            listener.executionFinished(descriptor, TestExecutionResult.successful());
            return;
        } catch (Throwable e) {
            listener.executionFinished(descriptor, TestExecutionResult.failed(e));
            return;
        }
        Shared shared = new Shared(listener, progress, workspace, runId, new SectorFormat(suite.sectorSize()), target);
        try (target) {
            for (var child : descriptor.getChildren()) {
                CellDescriptor cell = (CellDescriptor) child;
                listener.executionStarted(cell);
                CellRun run = new CellRun(suite, cell, shared);
                TestExecutionResult result = run.run();
                listener.executionFinished(cell, result);
                records.add(record(run.context(), result));
            }
        }
        try {
            new Manifest(1, String.format("%016x", runId), suite.name(), suite.file().toString(), started, Instant.now().toString(),
                    suite.sectorSize(), target.describe(), records).write(workspace.resolve(Manifest.FILE));
            listener.executionFinished(descriptor, TestExecutionResult.successful());
        } catch (IOException e) {
            listener.executionFinished(descriptor, TestExecutionResult.failed(e));
        }
    }

    private static Manifest.CellRecord record(CellContext context, TestExecutionResult result) {
        Map<String, String> axes = new LinkedHashMap<>();
        context.cell().axes().forEach((k, v) -> axes.put(k, v.text()));
        List<Manifest.FileRecord> files = new java.util.ArrayList<>();
        for (int i = 0; i < context.onTarget().size(); i++) {
            CellContext.Source s = context.onTarget().get(i);
            Placement p = context.placements().get(i);
            var readBack = context.lastReadBack(s.index());
            files.add(new Manifest.FileRecord(s.file().fileId(), s.name(), s.file().size(), s.file().generation(), s.file().sparse(),
                    p.path().toAbsolutePath().toString(), p.deviceOffset(),
                    readBack.map(r -> r.extents() == null ? List.<dev.orchestrate.target.Extent>of() : r.extents()).orElse(List.of()),
                    readBack.map(dev.orchestrate.target.ReadBack::blockSize).orElse(p.blockSize())));
        }
        Path logFile = context.scratch().resolve(dev.orchestrate.target.EmulatedTarget.COMMAND_LOG);
        String log = Files.exists(logFile) ? logFile.toAbsolutePath().toString() : "";
        Manifest.ScanRecord scan = context.scanned().map(s -> new Manifest.ScanRecord(s.mode(), s.region().start(), s.region().end(),
                s.region().blockSize(), s.region().description())).orElse(null);
        return new Manifest.CellRecord(context.cell().ordinal(), context.cell().name(), axes, Status.of(result).label(),
                result.getThrowable().map(Throwable::getMessage).orElse(""), files, log, scan);
    }
}
