package dev.orchestrate.fault;

import dev.orchestrate.trace.Op;

/** Reads, writes or both that touch LBAs [{@code fromLba}, {@code toLba}) fail with EIO. Imitates a failing medium or a broken path. */
record IoError(long fromLba, long toLba, boolean reads, boolean writes) implements Fault {

    static final int EIO = -5;

    @Override
    public String describe() {
        return "io-error: " + (reads && writes ? "reads and writes" : reads ? "reads" : "writes") + " touching LBA " + fromLba + ".." + (toLba - 1) + " fail with EIO";
    }

    @Override
    public int error(Op op, long offset, long length) {
        boolean applies = op == Op.READ && reads || op == Op.WRITE && writes;
        boolean touches = offset / 512 < toLba && (offset + length + 511) / 512 > fromLba;
        return applies && touches ? EIO : 0;
    }
}
