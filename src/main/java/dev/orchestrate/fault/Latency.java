package dev.orchestrate.fault;

import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Section;
import dev.orchestrate.trace.Op;
import java.time.Duration;
import java.util.List;

/** Holds matching commands for {@code delay} before answering. Imitates a slow or stalling device; exercises the rig's timeouts. */
record Latency(Duration delay, String on) implements Fault {

    static final FaultKind KIND = FaultKind.of("latency", new Section.Variant("matching commands are held before they are answered,"
            + " to exercise timeouts", List.of(
                    Key.optional("delay", Key.Type.DURATION, "100ms", "how long each command is held"),
                    Key.choice("on", "write", List.of("read", "write", "flush", "all"), "which commands are held"))),
            o -> new Latency(o.duration("delay"), o.text("on")));

    @Override
    public String describe() {
        return "latency: " + on + " commands are held " + delay.toMillis() + " ms";
    }

    @Override
    public Duration delay(Op op, long offset, long length) {
        boolean applies = switch (on) {
            case "read" -> op == Op.READ;
            case "write" -> op == Op.WRITE;
            case "flush" -> op == Op.FSYNC || op == Op.FLUSH;
            default -> op == Op.READ || op == Op.WRITE || op == Op.FSYNC || op == Op.FLUSH;
        };
        return applies ? delay : Duration.ZERO;
    }
}
