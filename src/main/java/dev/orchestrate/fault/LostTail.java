package dev.orchestrate.fault;

import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Section;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes longer than {@code longerThan} lose the bytes past {@code from} inside the command: they
 * become zeros, or are never stored (stale). As {@code transfer-limit} it imitates a controller
 * that mishandles long transfers, like the one that damaged data from 1 MiB + 16 KiB inside 2 MiB
 * writes; as {@code torn-write}, a write of which only the start reached the media.
 */
record LostTail(long longerThan, long from, boolean zeros, String description) implements Fault {

    static final FaultKind TRANSFER_LIMIT = FaultKind.of("transfer-limit", new Section.Variant("writes longer than N bytes"
            + " lose the bytes past offset M inside the command, like a controller that mishandles long transfers", List.of(
                    Key.optional("longer-than", Key.Type.SIZE, "512KiB",
                            "writes longer than this are damaged (FUSE sends at most 1 MiB per write)"),
                    Key.optional("from", Key.Type.SIZE, "272KiB", "bytes past this offset inside the command are lost"),
                    Key.choice("fill", "zeros", List.of("zeros", "stale"),
                            "what the lost bytes become: zeros, or whatever the media held (stale)"))),
            o -> transferLimit(o.size("longer-than"), o.size("from"), o.text("fill").equals("zeros")));

    static final FaultKind TORN_WRITE = FaultKind.of("torn-write",
            new Section.Variant("only the first bytes of long writes reach the media", List.of(
                    Key.optional("longer-than", Key.Type.SIZE, "64KiB", "writes longer than this are torn"),
                    Key.optional("keep", Key.Type.SIZE, "16KiB", "how many bytes of each torn write are stored"))),
            o -> tornWrite(o.size("longer-than"), o.size("keep")));

    static LostTail transferLimit(long longerThan, long from, boolean zeros) {
        return new LostTail(longerThan, from, zeros, "transfer-limit: writes longer than " + longerThan
                + " bytes lose the bytes past " + from + " inside the command (" + (zeros ? "zeros" : "stale media") + ")");
    }

    static LostTail tornWrite(long longerThan, long keep) {
        return new LostTail(longerThan, keep, false,
                "torn-write: of writes longer than " + longerThan + " bytes only the first " + keep + " bytes are stored");
    }

    @Override
    public String describe() {
        return description;
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
