package dev.orchestrate.dut;

/** A target that can go through a clean shutdown of the host and the device, and come back. */
public interface Rebootable {

    void reboot();
}
