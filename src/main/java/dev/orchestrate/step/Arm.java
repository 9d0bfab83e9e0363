package dev.orchestrate.step;

import dev.orchestrate.fault.Fault;
import dev.orchestrate.fault.Faults;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Section;
import dev.orchestrate.dut.FaultInjection;
import java.util.Optional;

/** The {@code fault} step: arms a fault on the target's controller for the rest of the cell. */
record Arm(Optional<Fault> fault, String kind) implements Action {

    static final Section SECTION = Faults.SECTION;

    static Arm of(Options o) {
        return new Arm(Faults.of(o), o.text("kind"));
    }

    @Override
    public String title() {
        return fault.map(f -> "fault " + f.describe()).orElse("fault: none (control)");
    }

    @Override
    public void run(CellContext cell) {
        fault.ifPresent(f -> ((FaultInjection) cell.target()).arm(f));
    }

    /** A fault is a property of the driver or controller under test: it is still there after the reboot. */
    @Override
    public void resume(CellContext cell) {
        run(cell);
    }
}
