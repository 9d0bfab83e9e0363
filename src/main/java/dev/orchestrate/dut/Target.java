package dev.orchestrate.dut;

import dev.orchestrate.report.Evidence;
import dev.orchestrate.suite.Cell;
import java.nio.file.Path;
import java.util.List;

/** The device under test, as the cells see it. Optional abilities (mount, eject, power) are interfaces of their own. */
public interface Target extends AutoCloseable {

    /** One line for reports: kind and location. */
    String describe();

    /** Whether files are written raw at device offsets (an image, a block device) rather than through a file system. */
    boolean raw();

    /** Sets the target up before the first cell; a failure breaks the rig. */
    void prepare();

    /** Whether each cell gets a device of its own (set up and torn down around it), shown as steps in the report. */
    default boolean perCell() {
        return false;
    }

    /** Sets the target up for one cell; {@code dir} is the cell's own directory for what it keeps. */
    default void beforeCell(Cell cell, Path dir, Evidence evidence) {
    }

    /** Where file {@code index} (1-based) of {@code cell} goes. */
    Placement place(Cell cell, int index);

    /** Where file {@code index} goes when it is called {@code name}: on a file system under that name; a raw placement has none. */
    default Placement place(Cell cell, int index, String name) {
        Placement p = place(cell, index);
        return p.raw() ? p : new Placement(p.path().resolveSibling(name), p.deviceOffset(), p.blockSize());
    }

    /** Where verification reads file {@code index}, called {@code name}, back: the known-good path of this target. */
    default ReadBack readBack(Cell cell, int index, String name) {
        Placement p = place(cell, index, name);
        return p.raw() ? readRaw(p) : ReadBack.file(p.path());
    }

    /** How a file placed raw at {@code p} (moved by a copy's alignment offset, if any) is read back: directly at its device offset. */
    default ReadBack readRaw(Placement p) {
        return ReadBack.raw(p.path(), p.deviceOffset(), p.blockSize());
    }

    /**
     * The part of the device {@code cell} used, on the known-good path, where verification looks
     * for the run's sectors outside the files; with {@code wholeDevice}, all of the device. A target
     * read through a file system has none.
     */
    default Region region(Cell cell, boolean wholeDevice) {
        return Region.none("this target is read through its file system, so there is no device to scan");
    }

    /** Tears down what the cell set up; a passed cell's files leave the target, a failed cell's stay as evidence. */
    void afterCell(Cell cell, List<Placement> placements, boolean passed, Evidence evidence);

    @Override
    void close();
}
