package dev.orchestrate.target;

import dev.orchestrate.report.Evidence;
import dev.orchestrate.suite.Cell;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A target whose reboot can end this process, as a real host reboot does: the device is shut
 * down as the reboot will, the run journal is saved, the host reboots (or, emulated, the process
 * only stops), and {@code orchestrate resume} brings the device back for the interrupted cell.
 */
public interface Resumable {

    /** Whether {@code reboot} ends this process rather than coming back within it. */
    boolean rebootEndsProcess();

    /** Shuts the device down as the reboot will, keeping what the cell needs to go on after it. */
    void shutDownForReboot();

    /** The command that reboots the host, run once the journal is saved; empty when the reboot is simulated. */
    Optional<List<String>> rebootCommand();

    /** In the resuming process: the cell's device comes back as the reboot left it, and its volume is mounted again. */
    void resumeCell(Cell cell, Path dir, Evidence evidence);
}
