package dev.orchestrate.fault;

import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Section;
import java.util.List;

/** Writes that start in LBAs [{@code fromLba}, {@code toLba}) land {@code shift} sectors further on. Imitates a misdirected write. */
record Misdirect(long fromLba, long toLba, long shift) implements Fault {

    static final FaultKind KIND = FaultKind.of("misdirect", new Section.Variant("writes into an LBA range land some sectors away", List.of(
                    Key.optional("from-lba", Key.Type.COUNT, "0", "first LBA (512-byte sectors) of the range"),
                    Key.optional("to-lba", Key.Type.COUNT, Faults.ALL_LBAS, "LBA after the range"),
                    Key.optional("shift", Key.Type.COUNT, "8", "how many sectors further on the writes land"))),
            o -> new Misdirect(o.count("from-lba"), o.count("to-lba"), o.count("shift")));

    @Override
    public String describe() {
        return "misdirect: writes starting in LBA " + fromLba + ".." + (toLba - 1) + " land " + shift + " sectors away";
    }

    @Override
    public List<Piece> shapeWrite(long offset, long length, List<Piece> pieces) {
        long lba = offset / 512;
        if (lba < fromLba || lba >= toLba) {
            return pieces;
        }
        return pieces.stream().map(p -> new Piece(p.device() + shift * 512, p.source(), p.length(), p.zeros())).toList();
    }
}
