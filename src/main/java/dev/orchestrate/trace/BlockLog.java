package dev.orchestrate.trace;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the block layer's events into the command log: a record per request issued to the driver,
 * in the order issued, with the result its completion gave; a request is written once it completed,
 * so a failed command carries its errno. A preflush becomes a FLUSH before its request's own
 * operation, a FUA write a WRITE marked {@code fua}; the markers this product writes become STEP
 * records where they fell among the requests.
 */
public final class BlockLog {

    /** How a step's marker begins; the rest is the step's title. */
    public static final String STEP = "orchestrate step: ";

    private final TraceWriter out;
    private final Deque<Entry> order = new ArrayDeque<>();
    private final Map<Key, Entry> inFlight = new HashMap<>();

    public BlockLog(TraceWriter out) {
        this.out = out;
    }

    /** A request as the completion names it again. */
    private record Key(char operation, long sector, long sectors) {
    }

    /** A record waiting for its request's completion. */
    private static final class Entry {
        private final Op op;
        private final long nanos;
        private final long offset;
        private final long length;
        private final String cause;
        private int result;
        private boolean done;

        Entry(Op op, long nanos, long offset, long length, String cause, boolean done) {
            this.op = op;
            this.nanos = nanos;
            this.offset = offset;
            this.length = length;
            this.cause = cause;
            this.done = done;
        }
    }

    /** Takes the next event; a marker's text is returned, so the recorder sees its own marks arrive. */
    public Optional<String> accept(BlockEvent e) {
        switch (e.kind()) {
            case ISSUE -> issue(e);
            case COMPLETE -> {
                Entry entry = inFlight.remove(new Key(e.operation(), e.sector(), e.sectors()));
                if (entry != null) {
                    entry.result = e.error();
                    entry.done = true;
                }
            }
            case MARKER -> {
                if (e.text().startsWith(STEP)) {
                    order.add(new Entry(Op.STEP, e.nanos(), 0, 0, e.text().substring(STEP.length()), true));
                }
                writeDone();
                return Optional.of(e.text());
            }
            default -> throw new IllegalStateException("unknown event " + e.kind());
        }
        writeDone();
        return Optional.empty();
    }

    /** Writes what is still waiting, as issued: the trace ended before those requests completed. */
    public void drain() {
        order.forEach(this::write);
        order.clear();
        inFlight.clear();
        out.flush();
    }

    private void issue(BlockEvent e) {
        // "FF" is one flush request: the preflush is what it does
        if (e.preflush() && e.operation() != 'F') {
            order.add(new Entry(Op.FLUSH, e.nanos(), 0, 0, "", true));
        }
        Op op = switch (e.operation()) {
            case 'R' -> Op.READ;
            case 'W' -> Op.WRITE;
            case 'D' -> Op.DISCARD;
            case 'F' -> Op.FLUSH;
            default -> null;
        };
        if (op == null || (op != Op.FLUSH && e.sectors() == 0)) {
            return;
        }
        Entry entry = new Entry(op, e.nanos(), op == Op.FLUSH ? 0 : e.offset(), op == Op.FLUSH ? 0 : e.length(),
                e.fua() ? "fua" : "", false);
        // a request issued again before it completed was requeued: the first issue never reached the device
        Entry requeued = inFlight.put(new Key(e.operation(), e.sector(), e.sectors()), entry);
        if (requeued != null) {
            order.remove(requeued);
        }
        order.add(entry);
    }

    private void writeDone() {
        while (!order.isEmpty() && order.peekFirst().done) {
            write(order.pollFirst());
        }
    }

    private void write(Entry e) {
        out.logAt(e.nanos, e.op, e.offset, e.length, e.result, e.cause);
    }
}
