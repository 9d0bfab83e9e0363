package dev.orchestrate.step;

import dev.orchestrate.diagnosis.Defect;
import dev.orchestrate.diagnosis.Diagnosis;
import dev.orchestrate.diagnosis.Finding;
import dev.orchestrate.outcome.DataDamaged;
import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.process.Outcome;

/**
 * Tells a device failure from a rig failure in a command that failed: an I/O error is the device
 * under test failing (the cell fails, named with the command the device failed, when it keeps a
 * command log); anything else is the rig (the cell is broken).
 */
final class DeviceErrors {

    private DeviceErrors() {
    }

    static void check(CellContext cell, String what, Outcome outcome) {
        if (outcome.succeeded()) {
            return;
        }
        if (outcome.output().contains("Input/output error")) {
            String command = Forensics.logOf(cell).flatMap(log -> Diagnosis.ioErrors(log, cell.format().sectorSize()))
                    .map(Finding::evidence).map(e -> "; " + e).orElse("");
            throw new DataDamaged(Defect.IO_ERROR, what + ": the device answered with I/O errors: " + outcome.lastLine() + command);
        }
        throw new RigBroken(what + " exited with " + outcome.exitCode() + ": " + outcome.lastLine()
                + " (command: " + outcome.command().display() + ")");
    }
}
