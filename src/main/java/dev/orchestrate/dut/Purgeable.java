package dev.orchestrate.dut;

/** A target whose host-side caches can be dropped, so the next read goes to the device. */
public interface Purgeable {

    void purge();
}
