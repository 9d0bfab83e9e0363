package dev.orchestrate.dut;

import dev.orchestrate.process.Command;
import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Options;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The commands that take a lab host through a reboot or a power cut, as the suite's target names
 * them. Both are process boundaries: the run saves its journal, installs the resume hook, runs the
 * command and ends; the hook continues it at the next boot.
 *
 * @param reboot the reboot command line, or null when the suite names none
 * @param powerCut the power-cut command line, or null
 */
record HostCommands(String reboot, String powerCut) {

    static final List<Key> KEYS = List.of(
            Key.optional(Resumable.Boundary.REBOOT.key(), Key.Type.TEXT, null, "the command that reboots this host, e.g. "
                    + Resumable.Boundary.REBOOT.example() + " (words split at spaces, no shell); a reboot step needs it:"
                    + " the run saves its journal, installs the resume hook, runs it and continues at the next boot"),
            Key.optional(Resumable.Boundary.POWER_CUT.key(), Key.Type.TEXT, null, "the command that cuts the power, e.g. a switched PDU's "
                    + Resumable.Boundary.POWER_CUT.example() + " (words split at spaces, no shell); a power-cut step needs it;"
                    + " like a reboot, the run ends there and the resume hook continues it at the next boot"
                    + " (if the host stays up, run orchestrate resume by hand)"));

    /** A reboot or a PDU may take a while to take the host down; the process is usually gone before this ends. */
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    static HostCommands of(Options target) {
        return new HostCommands(target.optionalText(Resumable.Boundary.REBOOT.key()).orElse(null),
                target.optionalText(Resumable.Boundary.POWER_CUT.key()).orElse(null));
    }

    Optional<Command> command(Resumable.Boundary boundary) {
        String line = boundary == Resumable.Boundary.REBOOT ? reboot : powerCut;
        return Optional.ofNullable(line).map(l -> new Command(List.of(l.strip().split("\\s+")), TIMEOUT));
    }
}
