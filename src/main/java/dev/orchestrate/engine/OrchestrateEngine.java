package dev.orchestrate.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;

/**
 * The orchestrate test engine. Configuration parameters: {@code orchestrate.run.dir} (where cells
 * keep their files and attachments and the manifest is written; default a new temporary
 * directory), {@code orchestrate.run.id} (hex; default random), {@code orchestrate.only} and {@code orchestrate.cells}
 * (see {@link CellFilter}), {@code orchestrate.shard} (see {@link Shard}), {@code orchestrate.resume} (continue the run in the
 * run directory) and {@code orchestrate.target.file} and {@code orchestrate.labels}. Discovery reads them once
 * ({@link EngineConfig}) and keeps them in the root descriptor for execution; a value that cannot be read fails discovery,
 * saying what is wrong with it.
 */
public final class OrchestrateEngine implements TestEngine {

    public static final String ID = "orchestrate";
    public static final String RUN_DIR = "orchestrate.run.dir";
    public static final String RUN_ID = "orchestrate.run.id";
    public static final String RESUME = "orchestrate.resume";
    /** A YAML file whose target mapping replaces every suite's own target (the command line's --target). */
    public static final String TARGET_FILE = "orchestrate.target.file";
    /** The run's labels ({@link Labels#encoded()}), put on every cell. */
    public static final String LABELS = "orchestrate.labels";
    /** "true": the first cell that fails unexpectedly or breaks ends the run; the cells after it are skipped. */
    public static final String FAIL_FAST = "orchestrate.fail.fast";

    private final Progress progress;

    /** For discovery through the ServiceLoader: no live progress. */
    public OrchestrateEngine() {
        this(Progress.SILENT);
    }

    public OrchestrateEngine(Progress progress) {
        this.progress = progress;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        RunDescriptor run = new RunDescriptor(uniqueId, EngineConfig.from(request.getConfigurationParameters()));
        new Discovery(request, run).run();
        return run;
    }

    @Override
    public void execute(ExecutionRequest request) {
        RunDescriptor root = (RunDescriptor) request.getRootTestDescriptor();
        var listener = request.getEngineExecutionListener();
        listener.executionStarted(root);
        try {
            EngineConfig config = root.config();
            Path runDir = config.runDir().isPresent() ? config.runDir().get() : temporaryRunDir();
            boolean single = root.getChildren().size() == 1;
            for (TestDescriptor child : root.getChildren()) {
                SuiteDescriptor suite = (SuiteDescriptor) child;
                Path workspace = single ? runDir : runDir.resolve(suite.suite().name());
                new SuiteRun(suite, listener, progress, workspace, config).run();
            }
            listener.executionFinished(root, TestExecutionResult.successful());
        } catch (Throwable e) {
            listener.executionFinished(root, TestExecutionResult.failed(e));
        }
    }

    /** Where a run given no directory keeps its files: a new temporary one, named for when it started. */
    private static Path temporaryRunDir() throws IOException {
        return Files.createTempDirectory("orchestrate-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-");
    }
}
