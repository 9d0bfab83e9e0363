package dev.orchestrate.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orchestrate.LeftBehind;
import dev.orchestrate.Privileged;
import dev.orchestrate.SuiteResults;
import dev.orchestrate.host.Mounts;
import dev.orchestrate.outcome.Status;
import dev.orchestrate.trace.Op;
import dev.orchestrate.trace.TraceReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;

/**
 * Fifty power cuts in a row on a sound controller, each followed by a verify: the device comes
 * back every time (the aborted FUSE connection and the loop device under it are torn down before
 * it is served again), no cell breaks, and every synced sector survives.
 */
@Privileged
class PowerCutSoakTest {

    private static final Path FUSECTL = Path.of("/sys/fs/fuse/connections");

    @TempDir
    Path run;

    @Test
    void fiftyPowerCutsBreakNothingAndLoseNothingSynced() throws IOException {
        boolean hostFusectl = Mounts.mounted(FUSECTL);
        Map<String, TestExecutionResult> results = SuiteResults.execute("emulated/power-cut-soak.yaml", run);
        assertEquals(10, results.size(), results.keySet().toString());
        results.forEach((cell, result) -> assertEquals(Status.PASSED, Status.of(result), cell + ": " + SuiteResults.message(result)));
        assertEquals(50, powerCuts(), "power cuts the controllers' command logs recorded");
        LeftBehind.assertNone(ProcessHandle.current().pid(), "the soak's teardown");
        assertEquals(hostFusectl, Mounts.mounted(FUSECTL), "the host's fusectl mount is as it was before the aborts");
    }

    /** Counted where the controller saw them, so a cut that never reached a device cannot pass. */
    private long powerCuts() throws IOException {
        long cuts = 0;
        try (Stream<Path> logs = Files.walk(run).filter(p -> p.getFileName().toString().equals("command-log.jsonl"))) {
            for (Path log : logs.toList()) {
                cuts += TraceReader.read(log).records().stream().filter(r -> r.op() == Op.POWER_CUT).count();
            }
        }
        return cuts;
    }
}
