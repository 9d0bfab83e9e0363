package dev.orchestrate.fault;

/** FSYNC is answered with success and destages nothing. Imitates a driver that acknowledges SYNCHRONIZE CACHE without passing it on. */
record IgnoreFlush() implements Fault {

    @Override
    public String describe() {
        return "ignore-flush: flushes report success and destage nothing";
    }

    @Override
    public boolean ignoresFlush() {
        return true;
    }
}
