package dev.orchestrate.dut;

import dev.orchestrate.report.Evidence;
import dev.orchestrate.suite.Cell;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The target a suite names, for the whole run: set up before the first cell, it opens a
 * {@link Device} for each cell, which holds everything that lasts only for that cell.
 */
public interface Target extends AutoCloseable {

    /** One line for reports: kind and location. */
    String describe();

    /**
     * What the target is, by label, as a comparison of two runs and a sign-off read it: the disk's
     * identity and the transfer limits it publishes; known once the target is prepared, and empty
     * where there is nothing to tell one device from another. A null value is unknown.
     */
    default Map<String, String> identity() {
        return Map.of();
    }

    /** Whether files are written raw at device offsets (an image, a block device) rather than through a file system. */
    boolean raw();

    /** Sets the target up before the first cell; a failure breaks the rig. */
    void prepare();

    /** Whether each cell gets a device of its own (set up and torn down around it), shown as steps in the report. */
    default boolean perCell() {
        return false;
    }

    /** Opens the device of one cell; {@code dir} is the cell's own directory for what it keeps. */
    Device open(Cell cell, Path dir, Evidence evidence);

    /** How a reboot or power cut can end the run's process and be resumed on this target; empty where it cannot. */
    default Optional<Resumable> resumable() {
        return Optional.empty();
    }

    @Override
    void close();
}
