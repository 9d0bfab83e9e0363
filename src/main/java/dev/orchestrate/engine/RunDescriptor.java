package dev.orchestrate.engine;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

/** The engine's root: the run, its suites as children, with the configuration discovery read. */
final class RunDescriptor extends EngineDescriptor {

    private final EngineConfig config;

    RunDescriptor(UniqueId uniqueId, EngineConfig config) {
        super(uniqueId, OrchestrateEngine.ID);
        this.config = config;
    }

    EngineConfig config() {
        return config;
    }
}
