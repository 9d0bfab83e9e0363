package dev.orchestrate.device;

/** Why a disk may not be written, by rule, with a sentence that says what to do. */
public record Refusal(Rule rule, String reason) {

    public enum Rule {
        /** The suite does not name the disk fully. */
        UNNAMED,
        /** The disk does not say what the suite expects. */
        MISMATCH,
        /** No controller of the class the suite names holds the disk, or there is none at all. */
        NO_CONTROLLER,
        INTERNAL,
        /** The disk holds the running system: "/", "/boot", macOS's system volumes. */
        SYSTEM,
        /** The OS booted from this disk image. */
        SYSTEM_IMAGE,
        /** A volume is mounted and the suite did not allow unmounting it. */
        MOUNTED,
        /** A slice, not a whole disk. */
        PARTITION,
        READ_ONLY,
        /** Another block device (device mapper, RAID, LVM) is built on it. */
        IN_USE
    }

    @Override
    public String toString() {
        return reason;
    }
}
