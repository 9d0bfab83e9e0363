package dev.orchestrate;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

import dev.orchestrate.engine.CellFilter;
import dev.orchestrate.engine.OrchestrateEngine;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs a test suite from the classpath through the engine and tells how each cell ended. */
public final class SuiteResults {

    private SuiteResults() {
    }

    /** Each cell's result by its name, for the suite {@code resource} (e.g. "emulated/power-loss.yaml"), run into {@code run}. */
    public static Map<String, TestExecutionResult> execute(String resource, Path run) {
        Map<String, TestExecutionResult> results = new LinkedHashMap<>();
        EngineTestKit.engine(OrchestrateEngine.ID)
                .selectors(selectClasspathResource(resource))
                .configurationParameter(OrchestrateEngine.RUN_DIR, run.toString())
                .configurationParameter(CellFilter.PARAMETER, "")
                .execute()
                .testEvents().finished().stream()
                .forEach((Event e) -> results.put(e.getTestDescriptor().getDisplayName(),
                        e.getPayload(TestExecutionResult.class).orElseThrow()));
        return results;
    }

    /** A result's message, or "" when it has none. */
    public static String message(TestExecutionResult r) {
        return r.getThrowable().map(Throwable::getMessage).orElse("");
    }
}
