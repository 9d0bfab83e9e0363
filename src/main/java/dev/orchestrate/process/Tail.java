package dev.orchestrate.process;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Keeps the last bytes a process printed: the part that says why it failed, without holding all of it. */
final class Tail extends OutputStream {

    private final byte[] ring;
    private long written;

    Tail(int capacity) {
        this.ring = new byte[capacity];
    }

    @Override
    public synchronized void write(int b) {
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
