package dev.orchestrate.dut;

/** A target that can be ejected: unmounted, detached, and its device released (the point where everything must be on the media). */
public interface Ejectable {

    void eject();
}
