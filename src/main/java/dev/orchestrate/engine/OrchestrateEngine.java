package dev.orchestrate.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

/**
 * The orchestrate test engine. Configuration parameters: {@code orchestrate.run.dir} (where cells
 * keep their files and attachments and the manifest is written; default a new temporary
 * directory), {@code orchestrate.run.id} (hex; default random), {@code orchestrate.only}
 * (see {@link CellFilter}).
 */
public final class OrchestrateEngine implements TestEngine {

    public static final String ID = "orchestrate";
    public static final String RUN_DIR = "orchestrate.run.dir";
    public static final String RUN_ID = "orchestrate.run.id";
    public static final String RESUME = "orchestrate.resume";
    /** A YAML file whose target mapping replaces every suite's own target (the command line's --target). */
    public static final String TARGET_FILE = "orchestrate.target.file";

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
        EngineDescriptor engine = new EngineDescriptor(uniqueId, "orchestrate");
        new Discovery(request, engine).run();
        return engine;
    }

    @Override
    public void execute(ExecutionRequest request) {
        TestDescriptor root = request.getRootTestDescriptor();
        var listener = request.getEngineExecutionListener();
        listener.executionStarted(root);
        try {
            ConfigurationParameters config = request.getConfigurationParameters();
            Path runDir = config.get(RUN_DIR).map(Path::of).orElse(null);
            if (runDir == null) {
                runDir = Files.createTempDirectory("orchestrate-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-");
            }
            long runId = config.get(RUN_ID).map(hex -> Long.parseUnsignedLong(hex, 16)).orElseGet(() -> new SecureRandom().nextLong());
            List<String> only = CellFilter.parse(config.get(CellFilter.PARAMETER).orElse(null)).terms();
            boolean resume = config.getBoolean(RESUME).orElse(false);
            String targetFile = config.get(TARGET_FILE).orElse("");
            boolean single = root.getChildren().size() == 1;
            for (TestDescriptor child : root.getChildren()) {
                SuiteDescriptor suite = (SuiteDescriptor) child;
                Path workspace = single ? runDir : runDir.resolve(suite.suite().name());
                new SuiteRun(suite, listener, progress, workspace, runId, only, targetFile, resume).run();
            }
            listener.executionFinished(root, TestExecutionResult.successful());
        } catch (Throwable e) {
            listener.executionFinished(root, TestExecutionResult.failed(e));
        }
    }
}
