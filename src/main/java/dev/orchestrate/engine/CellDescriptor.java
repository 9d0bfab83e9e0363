package dev.orchestrate.engine;

import dev.orchestrate.suite.Cell;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/** One matrix cell: one I/O pattern, one test. Its unique id is built from axis values, so report history follows it across runs. */
final class CellDescriptor extends AbstractTestDescriptor {

    static final String SEGMENT = "cell";

    private final Cell cell;

    CellDescriptor(UniqueId parent, Cell cell, TestSource source) {
        super(parent.append(SEGMENT, cell.name()), cell.name(), source);
        this.cell = cell;
    }

    Cell cell() {
        return cell;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }
}
