package dev.orchestrate.dut;

import dev.orchestrate.process.Command;
import java.util.Optional;

/**
 * A lab target on a real host: its reboot and power cut always end the process, taking the host
 * down with the commands the suite names. The host's own shutdown (or the cut) is what the cell
 * tests, so nothing is done for it beforehand.
 */
interface LabHost extends Resumable {

    HostCommands hostCommands();

    @Override
    default boolean endsProcess(Boundary boundary) {
        return true;
    }

    @Override
    default Optional<Command> hostCommand(Boundary boundary) {
        return hostCommands().command(boundary);
    }
}
