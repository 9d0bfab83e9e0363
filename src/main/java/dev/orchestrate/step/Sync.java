package dev.orchestrate.step;

import dev.orchestrate.diagnosis.HostHistory;
import dev.orchestrate.process.Command;
import dev.orchestrate.process.Outcome;
import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Section;
import dev.orchestrate.suite.Step;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Runs sync(1): asks the OS to write all dirty data to the devices. It promises nothing about a device's own cache. */
record Sync(Duration timeout) implements Action {

    static final Section SECTION = Section.of("sync", "Runs sync: the OS writes its dirty pages to the devices and asks them to flush "
                    + "(a device may still hold them in its own cache). "
                    + "Once the cell has files on a file system, it syncs that file system (sync -f), which reports write-back errors.",
            List.of(Key.optional("timeout", Key.Type.DURATION, "2m", "how long sync may take before the rig is declared broken")));

    static Sync of(Options o) {
        return new Sync(o.duration("timeout"));
    }

    @Override
    public String title() {
        return "sync";
    }

    /** Writes the host's caches back: a verify after it reads what the copy left. */
    @Override
    public void check(Step step, Plan plan) {
        plan.unflushed = null;
    }

    /** sync promises every file on the target. */
    @Override
    public List<HostHistory.Step> hostSteps(int number, CellContext cell) {
        return List.of(new HostHistory.Step(number, HostHistory.Kind.PROMISE, title(), Set.of()));
    }

    /** On a file system with files of the cell, syncfs of that file system, which (unlike sync(2)) reports write-back errors. */
    @Override
    public void run(CellContext cell) {
        List<String> argv = cell.target().raw() || cell.placements().isEmpty() ? List.of("sync")
                : List.of("sync", "-f", cell.placements().getFirst().path().getParent().toString());
        Outcome outcome = cell.runners().changes().run(new Command(argv, timeout));
        cell.evidence().attachText("sync output", outcome.describe());
        DeviceErrors.check(cell, "sync", outcome);
    }
}
