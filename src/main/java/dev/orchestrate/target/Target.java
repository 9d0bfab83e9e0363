package dev.orchestrate.target;

import dev.orchestrate.suite.Cell;
import java.util.List;

/** The device under test, as the cells see it. */
public interface Target extends AutoCloseable {

    /** One line for reports: kind and location. */
    String describe();

    /** Whether files are written raw at device offsets (an image, a block device) rather than through a file system. */
    boolean raw();

    /** Sets the target up before the first cell; a failure breaks the rig. */
    void prepare();

    /** Where file {@code index} (1-based) of {@code cell} goes. */
    Placement place(Cell cell, int index);

    /** Removes what a passed cell left, so a long matrix does not fill the target. */
    void release(Cell cell, List<Placement> placements);

    @Override
    void close();
}
