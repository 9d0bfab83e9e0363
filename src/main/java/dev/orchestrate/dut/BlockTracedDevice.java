package dev.orchestrate.dut;

import dev.orchestrate.host.BlockTrace;
import dev.orchestrate.suite.Cell;
import dev.orchestrate.trace.TraceWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A lab disk's cell device whose command log is the block layer's record of the requests its
 * driver was given ({@link BlockTrace}): what the emulated controller logs itself, a real disk's
 * host records for it. It wraps a raw device, which has no abilities of its own to hide.
 */
final class BlockTracedDevice implements Device, CommandLogged {

    private final Device raw;
    private final Path log;
    private final TraceWriter out;
    private final BlockTrace trace;

    /** Starts recording {@code node} for the cell; the log goes on where an earlier process left it, after a reboot. */
    BlockTracedDevice(Device raw, String node, Path dir) {
        if (Arrays.stream(Ability.values()).anyMatch(a -> a.offeredBy(raw))) {
            throw new IllegalArgumentException("a device with abilities of its own cannot be wrapped: they would be hidden");
        }
        this.raw = raw;
        this.log = dir.resolve(FILE);
        this.out = new TraceWriter(log);
        this.trace = BlockTrace.start(node, out);
    }

    @Override
    public Cell cell() {
        return raw.cell();
    }

    @Override
    public Placement place(int index) {
        return raw.place(index);
    }

    @Override
    public ReadBack readRaw(Placement p) {
        return raw.readRaw(p);
    }

    @Override
    public Region region(boolean wholeDevice) {
        return raw.region(wholeDevice);
    }

    /** The host goes down: what was traced so far is kept, and the resumed process traces on into the same log. */
    @Override
    public void shutDownFor(Resumable.Boundary boundary) {
        stop();
        raw.shutDownFor(boundary);
    }

    @Override
    public void close(boolean passed, List<Placement> placements) {
        try {
            raw.close(passed, placements);
        } finally {
            stop();
        }
    }

    @Override
    public Path commandLog() {
        trace.sync();
        return log;
    }

    @Override
    public void markStep(String title) {
        trace.mark(title);
    }

    private void stop() {
        try {
            trace.close();
        } finally {
            out.close();
        }
    }
}
