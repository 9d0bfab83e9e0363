package dev.orchestrate.step;

import dev.orchestrate.process.Command;
import dev.orchestrate.process.Outcome;
import dev.orchestrate.process.Processes;
import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Section;
import java.time.Duration;
import java.util.List;

/** Runs sync(1): asks the OS to write all dirty data to the devices. It promises nothing about a device's own cache. */
record Sync(Duration timeout) implements Action {

    static final Section SECTION = Section.of("sync", "Runs sync: the OS writes its dirty pages to the devices (a device may still hold them in its own cache).",
            List.of(Key.optional("timeout", Key.Type.DURATION, "2m", "how long sync may take before the rig is declared broken")));

    static Sync of(Options o) {
        return new Sync(o.duration("timeout"));
    }

    @Override
    public String title() {
        return "sync";
    }

    @Override
    public void run(CellContext cell) {
        Outcome outcome = Processes.run(new Command(List.of("sync"), timeout));
        cell.evidence().attachText("sync output", outcome.describe());
        DeviceErrors.check("sync", outcome);
    }
}
