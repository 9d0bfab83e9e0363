package dev.orchestrate.fault;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes longer than {@code longerThan} lose the bytes past {@code from} inside the command: they
 * become zeros, or are never stored (stale). Imitates a controller that mishandles long transfers,
 * like the one that corrupted data from 1 MiB + 16 KiB inside 2 MiB writes.
 */
record TransferLimit(long longerThan, long from, boolean zeros) implements Fault {

    @Override
    public String describe() {
        return "transfer-limit: writes longer than " + longerThan + " bytes lose the bytes past " + from
                + " inside the command (" + (zeros ? "zeros" : "stale media") + ")";
    }

    @Override
    public List<Piece> shapeWrite(long offset, long length, List<Piece> pieces) {
        if (length <= longerThan) {
            return pieces;
        }
        List<Piece> shaped = new ArrayList<>();
        for (Piece p : pieces) {
            long cut = Math.clamp(from - p.source(), 0, p.length());
            if (cut > 0) {
                shaped.add(p.slice(0, cut));
            }
            if (cut < p.length() && zeros) {
                Piece lost = p.slice(cut, p.length());
                shaped.add(new Piece(lost.device(), lost.source(), lost.length(), true));
            }
        }
        return shaped;
    }
}
