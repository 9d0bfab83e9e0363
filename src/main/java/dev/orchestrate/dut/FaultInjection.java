package dev.orchestrate.dut;

import dev.orchestrate.fault.Fault;

/** A target that can misbehave on purpose; the fault lasts until the cell ends. */
public interface FaultInjection {

    void arm(Fault fault);
}
