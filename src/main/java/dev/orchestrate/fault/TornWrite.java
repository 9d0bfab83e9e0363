package dev.orchestrate.fault;

import java.util.ArrayList;
import java.util.List;

/** Of writes longer than {@code longerThan}, only the first {@code keep} bytes reach the media; the rest stays stale. Imitates a torn write. */
record TornWrite(long longerThan, long keep) implements Fault {

    @Override
    public String describe() {
        return "torn-write: of writes longer than " + longerThan + " bytes only the first " + keep + " bytes are stored";
    }

    @Override
    public List<Piece> shapeWrite(long offset, long length, List<Piece> pieces) {
        if (length <= longerThan) {
            return pieces;
        }
        List<Piece> shaped = new ArrayList<>();
        for (Piece p : pieces) {
            long kept = Math.clamp(keep - p.source(), 0, p.length());
            if (kept > 0) {
                shaped.add(p.slice(0, kept));
            }
        }
        return shaped;
    }
}
