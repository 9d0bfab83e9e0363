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

/** fsync(2) of one copied file, through sync(1) with the file as its argument, so a hung device cannot hang the rig. */
record Fsync(int file, Duration timeout) implements Action {

    static final Section SECTION = Section.of("fsync",
            "fsync of one copied file: its data and metadata must reach the device and the device must flush.", List.of(
            Key.optional("file", Key.Type.COUNT, "1", "which of the cell's files (1 is the first)"),
            Key.optional("timeout", Key.Type.DURATION, "2m", "how long the fsync may take before the rig is declared broken")));

    static Fsync of(Options o) {
        return new Fsync((int) o.count("file"), o.duration("timeout"));
    }

    @Override
    public String title() {
        return "fsync " + CellContext.fileName(file);
    }

    /** An fsync needs a copied file, on a file system, that the cell has. */
    @Override
    public void check(Step step, Plan plan) {
        if (plan.raw()) {
            plan.problem(step.at(), "step 'fsync' needs a file system; " + plan.targetNamed() + " has none");
        }
        if (!plan.copied) {
            plan.problem(step.at(), "'fsync' comes before any 'copy': there is nothing on the target yet");
        } else if (step.options().count("file") < 1 || step.options().count("file") > plan.files) {
            plan.problem(step.options().value("file").at(), "fsync: file " + step.options().text("file")
                    + " does not exist; the cell has files 1 to " + plan.files);
        }
        plan.unflushed = null;
    }

    /** An fsync promises its one file. */
    @Override
    public List<HostHistory.Step> hostSteps(int number, CellContext cell) {
        return List.of(new HostHistory.Step(number, HostHistory.Kind.PROMISE, title(), Set.of(cell.name(file))));
    }

    @Override
    public void run(CellContext cell) {
        Command command = new Command(List.of("sync", cell.placement(file).path().toString()), timeout);
        Outcome outcome = cell.runners().changes().run(command);
        cell.evidence().attachText("fsync output", outcome.describe());
        DeviceErrors.check(cell, "fsync", outcome);
    }
}
