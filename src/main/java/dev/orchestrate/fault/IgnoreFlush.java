package dev.orchestrate.fault;

import dev.orchestrate.suite.Section;
import java.util.List;
/** FSYNC is answered with success and destages nothing. Imitates a driver that acknowledges SYNCHRONIZE CACHE without passing it on. */
record IgnoreFlush() implements Fault {

    static final FaultKind KIND = FaultKind.of("ignore-flush", new Section.Variant("flushes report success and destage nothing,"
            + " like a driver that drops SYNCHRONIZE CACHE", List.of()), o -> new IgnoreFlush());

    @Override
    public String describe() {
        return "ignore-flush: flushes report success and destage nothing";
    }

    @Override
    public boolean ignoresFlush() {
        return true;
    }
}
