package dev.orchestrate.dut;

import dev.orchestrate.process.Command;
import dev.orchestrate.report.Evidence;
import dev.orchestrate.suite.Cell;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * How a target's reboot (or power cut) can end this process, as a real host reboot does: the cell's
 * device is shut down as the boundary will ({@link Device#shutDownFor}), the run journal is saved, the
 * host goes down (or, emulated, the process only stops), and {@code orchestrate resume} opens the
 * device again for the interrupted cell.
 */
public interface Resumable {

    /** The lifecycle steps that can end the process, with the target key that holds the host's command for each. */
    enum Boundary {
        REBOOT("reboot", "reboot-command", "sudo shutdown -r now"),
        POWER_CUT("power-cut", "power-cut-command", "pdu-ctl outlet 3 cycle");

        private final String step;
        private final String key;
        private final String example;

        Boundary(String step, String key, String example) {
            this.step = step;
            this.key = key;
            this.example = example;
        }

        /** The boundary a step of this kind is, if it is one. */
        public static Optional<Boundary> of(String stepKind) {
            return Arrays.stream(values()).filter(b -> b.step.equals(stepKind)).findFirst();
        }

        public String step() {
            return step;
        }

        public String key() {
            return key;
        }

        public String example() {
            return example;
        }
    }

    /** Whether {@code boundary} ends this process rather than coming back within it. */
    boolean endsProcess(Boundary boundary);

    /** The command that takes the host through {@code boundary}, run once the journal is saved; empty when it is simulated. */
    Optional<Command> hostCommand(Boundary boundary);

    /** In the resuming process, instead of {@code prepare}: sets the target up again without wiping what the cells left. */
    void prepareForResume();

    /** In the resuming process: the cell's device comes back as the reboot left it, and its volume is mounted again. */
    Device reopen(Cell cell, Path dir, Evidence evidence);
}
