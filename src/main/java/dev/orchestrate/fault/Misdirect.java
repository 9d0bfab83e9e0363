package dev.orchestrate.fault;

import java.util.List;

/** Writes that start in LBAs [{@code fromLba}, {@code toLba}) land {@code shift} sectors further on. Imitates a misdirected write. */
record Misdirect(long fromLba, long toLba, long shift) implements Fault {

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
