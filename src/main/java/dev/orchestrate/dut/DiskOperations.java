package dev.orchestrate.dut;

import dev.orchestrate.process.Outcome;

/**
 * A target whose whole disk can be repartitioned and erased as steps under test. The outcome is
 * returned, not judged: a driver that breaks partitionDisk is a finding about the driver, not a broken rig.
 */
public interface DiskOperations {

    /** diskutil partitionDisk: a small GPT partition of {@code bytes} formatted {@code format}. */
    Outcome partitionDisk(String format, long bytes);

    /** diskutil eraseDisk: the whole disk, one GPT partition formatted {@code format}. */
    Outcome eraseDisk(String format);
}
