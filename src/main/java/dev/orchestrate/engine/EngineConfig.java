package dev.orchestrate.engine;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * The engine's configuration parameters ({@link OrchestrateEngine}), read once at discovery so that
 * discovery and execution work from the same values and a bad one fails before anything runs.
 *
 * @param runDir     where the run keeps its files; empty for a new temporary directory, made when the run starts
 * @param runId      the run's id
 * @param filter     which cells to run
 * @param resume     whether to continue the run journalled in {@code runDir}
 * @param targetFile the file whose target replaces every suite's own; empty for the suites' own
 * @param labels     the run's labels, for every cell
 * @param failFast   whether the first cell that fails unexpectedly or breaks ends the run, the rest not run
 * @param shard      which part of the selected cells this station runs
 */
record EngineConfig(Optional<Path> runDir, long runId, CellFilter filter, boolean resume, Optional<Path> targetFile, Labels labels,
                    boolean failFast, Shard shard) {

    /** Reads the parameters; a value that cannot be read is an {@link IllegalArgumentException} saying what is wrong with it. */
    static EngineConfig from(ConfigurationParameters parameters) {
        return new EngineConfig(parameters.get(OrchestrateEngine.RUN_DIR).map(Path::of),
                parameters.get(OrchestrateEngine.RUN_ID).map(EngineConfig::runId).orElseGet(() -> new SecureRandom().nextLong()),
                CellFilter.parse(parameters.get(CellFilter.PARAMETER).orElse(null), parameters.get(CellFilter.CELLS).orElse(null)),
                parameters.getBoolean(OrchestrateEngine.RESUME).orElse(false),
                parameters.get(OrchestrateEngine.TARGET_FILE).filter(f -> !f.isBlank()).map(Path::of),
                Labels.decode(parameters.get(OrchestrateEngine.LABELS)),
                parameters.getBoolean(OrchestrateEngine.FAIL_FAST).orElse(false),
                Shard.parseOrAll(parameters.get(Shard.PARAMETER).orElse(null)));
    }

    /** The run id as journals, manifests and targets write it. */
    String hexRunId() {
        return String.format("%016x", runId);
    }

    private static long runId(String hex) {
        try {
            return Long.parseUnsignedLong(hex, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(OrchestrateEngine.RUN_ID + " '" + hex + "' is not a hex number of up to 16 digits,"
                    + " e.g. 1f2e3d4c5b6a7988", e);
        }
    }
}
