package dev.orchestrate.step;

import dev.orchestrate.device.DiskutilFailure;
import dev.orchestrate.diagnosis.Defect;
import dev.orchestrate.dut.Ability;
import dev.orchestrate.dut.DiskOperations;
import dev.orchestrate.dut.Diskutil;
import dev.orchestrate.outcome.DataDamaged;
import dev.orchestrate.process.Outcome;
import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Section;
import java.util.List;

/**
 * diskutil partitionDisk or eraseDisk on the whole disk, as a step under test. The field saw a DEXT
 * that broke partitionDisk every time ("Error: -69825: Wiping volume data ... failed") while dd worked,
 * so a failure is the cell's finding, with diskutil's code and message, not a broken rig.
 */
record DiskOperation(String kind, Options options) implements Action {

    private static final List<String> FORMATS = Diskutil.FILE_SYSTEMS.subList(1, Diskutil.FILE_SYSTEMS.size());

    static final Section PARTITION = Section.of("partition-disk", "diskutil partitionDisk on the target's disk: a small GPT partition,"
            + " the rest free. A failure is the cell's finding, with diskutil's error code (e.g. -69825). macOS targets only.", List.of(
            Key.choice("format", "jhfs+", FORMATS, "the partition's file system"),
            Key.optional("size", Key.Type.SIZE, "1GiB", "the partition's size")));

    static final Section ERASE = Section.of("erase-disk", "diskutil eraseDisk on the target's whole disk. A failure is the cell's finding,"
            + " with diskutil's error code. macOS targets only.", List.of(Key.choice("format", "jhfs+", FORMATS, "the file system")));

    @Override
    public String title() {
        return kind + " (" + options.text("format") + ")";
    }

    @Override
    public void run(CellContext cell) {
        DiskOperations disk = Ability.required(cell.device().diskOperations());
        Outcome outcome = kind.equals("erase-disk") ? disk.eraseDisk(options.text("format"))
                : disk.partitionDisk(options.text("format"), options.size("size"));
        cell.evidence().attachText(kind + " output", outcome.describe());
        if (!outcome.succeeded()) {
            throw new DataDamaged(Defect.DISK_OPERATION, verdict(outcome));
        }
    }

    /** "partitionDisk failed with diskutil error -69825: Wiping volume data ... (exit code 1)". */
    static String verdict(Outcome outcome) {
        String operation = outcome.command().argv().get(1);
        return operation + " failed with " + DiskutilFailure.parse(outcome.output()).map(DiskutilFailure::describe)
                .orElse("no diskutil error code: " + outcome.lastLine()) + " (exit code " + outcome.exitCode() + ")";
    }
}
