package dev.orchestrate.step;

import dev.orchestrate.dut.Ability;
import dev.orchestrate.fault.Fault;
import dev.orchestrate.fault.Faults;
import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Section;
import dev.orchestrate.suite.Step;
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

    /** A range of LBAs must hold at least one, or the fault never fires. */
    @Override
    public void check(Step step, Plan plan) {
        var from = step.options().find("from-lba");
        var to = step.options().find("to-lba");
        if (from.isPresent() && to.isPresent() && Key.count(from.get().text()) >= Key.count(to.get().text())) {
            plan.problem(to.get().at(), "fault: to-lba " + to.get().text() + " must be above from-lba "
                    + from.get().text() + "; the range would be empty and the fault would never fire");
        }
    }

    @Override
    public void run(CellContext cell) {
        fault.ifPresent(f -> Ability.required(cell.device().faultInjection()).arm(f));
    }

    /** A fault is a property of the driver or controller under test: it is still there after the reboot. */
    @Override
    public void resume(CellContext cell) {
        run(cell);
    }
}
