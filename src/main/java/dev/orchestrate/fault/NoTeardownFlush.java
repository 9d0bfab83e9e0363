package dev.orchestrate.fault;

import dev.orchestrate.suite.Section;
import java.util.List;
/** Eject and clean shutdown do not destage the write cache. Imitates a driver that does not finalise its cache before it terminates. */
record NoTeardownFlush() implements Fault {

    static final FaultKind KIND = FaultKind.of("no-teardown-flush", new Section.Variant("eject and clean shutdown do not destage"
            + " the write cache, like a driver that does not finalise before it terminates", List.of()), o -> new NoTeardownFlush());

    @Override
    public String describe() {
        return "no-teardown-flush: eject and clean shutdown do not destage the write cache";
    }

    @Override
    public boolean skipsTeardownDestage() {
        return true;
    }
}
