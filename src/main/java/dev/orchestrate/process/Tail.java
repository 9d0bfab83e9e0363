package dev.orchestrate.process;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Keeps the last bytes a process printed: the part that says why it failed, without holding all of it. */
final class Tail extends OutputStream {

    private static final int FIRST = 4096;

    private final int capacity;
    private byte[] ring;
    private long written;

    Tail(int capacity) {
        this.capacity = capacity;
        this.ring = new byte[Math.min(capacity, FIRST)];
    }

    /** The buffer grows as output comes, up to the capacity, so a large capacity costs only what is printed. */
    @Override
    public synchronized void write(int b) {
        if (written == ring.length && ring.length < capacity) {
            ring = Arrays.copyOf(ring, (int) Math.min(capacity, 2L * ring.length));
        }
        ring[(int) (written++ % ring.length)] = (byte) b;
    }

    @Override
    public synchronized String toString() {
        int kept = (int) Math.min(written, ring.length);
        byte[] out = new byte[kept];
        int start = (int) ((written - kept) % ring.length);
        for (int i = 0; i < kept; i++) {
            out[i] = ring[(start + i) % ring.length];
        }
        String text = new String(out, StandardCharsets.UTF_8);
        return written > ring.length ? "[... " + (written - ring.length) + " bytes before ...]\n" + text : text;
    }
}
