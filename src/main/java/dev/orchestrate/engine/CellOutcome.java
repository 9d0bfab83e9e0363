package dev.orchestrate.engine;

import dev.orchestrate.dut.Resumable;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;

/**
 * What one cell's run came to: its result, the boundary that paused it (a reboot or power cut that
 * ended the process, to be resumed), and its record for the manifest.
 */
record CellOutcome(TestExecutionResult result, Optional<Resumable.Boundary> pausedBy, Manifest.CellRecord record) {
}
