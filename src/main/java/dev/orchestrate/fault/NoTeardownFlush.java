package dev.orchestrate.fault;

/** Eject and clean shutdown do not destage the write cache. Imitates a driver that does not finalise its cache before it terminates. */
record NoTeardownFlush() implements Fault {

    @Override
    public String describe() {
        return "no-teardown-flush: eject and clean shutdown do not destage the write cache";
    }

    @Override
    public boolean skipsTeardownDestage() {
        return true;
    }
}
