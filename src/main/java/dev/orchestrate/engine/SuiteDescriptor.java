package dev.orchestrate.engine;

import dev.orchestrate.suite.Suite;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/** A suite file: the container of its cells. */
final class SuiteDescriptor extends AbstractTestDescriptor {

    static final String SEGMENT = "suite";

    private final Suite suite;

    SuiteDescriptor(UniqueId parent, Suite suite, TestSource source) {
        super(parent.append(SEGMENT, suite.name()), suite.name(), source);
        this.suite = suite;
    }

    Suite suite() {
        return suite;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }
}
