package dev.orchestrate.dut;

/** A target whose device can lose power: what it never made durable is gone. */
public interface PowerSwitch {

    void powerCut();
}
