package dev.orchestrate.step;

import dev.orchestrate.outcome.DataDamaged;
import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.process.Outcome;

/**
 * Tells a device failure from a rig failure in a command that failed: an I/O error is the device
 * under test failing (the cell fails); anything else is the rig (the cell is broken).
 */
final class DeviceErrors {

    private DeviceErrors() {
    }

    static void check(String what, Outcome outcome) {
        if (outcome.succeeded()) {
            return;
        }
        if (outcome.output().contains("Input/output error")) {
            throw new DataDamaged(what + ": the device answered with I/O errors: " + outcome.lastLine());
        }
        throw new RigBroken(what + " exited with " + outcome.exitCode() + ": " + outcome.lastLine()
                + " (command: " + outcome.command().display() + ")");
    }
}
