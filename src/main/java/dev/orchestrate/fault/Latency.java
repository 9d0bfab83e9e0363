package dev.orchestrate.fault;

import dev.orchestrate.trace.Op;
import java.time.Duration;

/** Holds matching commands for {@code delay} before answering. Imitates a slow or stalling device; exercises the rig's timeouts. */
record Latency(Duration delay, String on) implements Fault {

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
