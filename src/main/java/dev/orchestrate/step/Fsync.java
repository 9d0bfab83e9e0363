package dev.orchestrate.step;

import dev.orchestrate.process.Command;
import dev.orchestrate.process.Outcome;
import dev.orchestrate.process.Processes;
import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Section;
import java.time.Duration;
import java.util.List;

/** fsync(2) of one copied file, through sync(1) with the file as its argument, so a hung device cannot hang the rig. */
record Fsync(int file, Duration timeout) implements Action {

    static final Section SECTION = Section.of("fsync", "fsync of one copied file: its data and metadata must reach the device and the device must flush.", List.of(
            Key.optional("file", Key.Type.COUNT, "1", "which of the cell's files (1 is the first)"),
            Key.optional("timeout", Key.Type.DURATION, "2m", "how long the fsync may take before the rig is declared broken")));

    static Fsync of(Options o) {
        return new Fsync((int) o.count("file"), o.duration("timeout"));
    }

    @Override
    public String title() {
        return "fsync " + CellContext.fileName(file);
    }

    @Override
    public void run(CellContext cell) {
        Command command = new Command(List.of("sync", cell.placement(file).path().toString()), timeout);
        Outcome outcome = Processes.run(command);
        cell.evidence().attachText("fsync output", outcome.describe());
        DeviceErrors.check("fsync", outcome);
    }
}
