package dev.orchestrate.fault;

import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Section;
import dev.orchestrate.trace.Op;
import java.util.List;

/** Reads, writes or both that touch LBAs [{@code fromLba}, {@code toLba}) fail with EIO. Imitates a failing medium or a broken path. */
record IoError(long fromLba, long toLba, boolean reads, boolean writes) implements Fault {

    static final FaultKind KIND = FaultKind.of("io-error",
            new Section.Variant("reads or writes touching an LBA range fail with EIO", List.of(
                    Key.optional("from-lba", Key.Type.COUNT, "0", "first LBA (512-byte sectors) of the range"),
                    Key.optional("to-lba", Key.Type.COUNT, Faults.ALL_LBAS, "LBA after the range"),
                    Key.choice("on", "write", List.of("read", "write", "both"), "which commands fail"))),
            o -> new IoError(o.count("from-lba"), o.count("to-lba"), !o.text("on").equals("write"), !o.text("on").equals("read")));

    static final int EIO = -5;

    @Override
    public String describe() {
        return "io-error: " + (reads && writes ? "reads and writes" : reads ? "reads" : "writes")
                + " touching LBA " + fromLba + ".." + (toLba - 1) + " fail with EIO";
    }

    @Override
    public int error(Op op, long offset, long length) {
        boolean applies = op == Op.READ && reads || op == Op.WRITE && writes;
        boolean touches = offset / 512 < toLba && (offset + length + 511) / 512 > fromLba;
        return applies && touches ? EIO : 0;
    }
}
