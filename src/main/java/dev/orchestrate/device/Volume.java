package dev.orchestrate.device;

/** A mounted file system on a disk (a partition, an APFS volume, or the whole disk). */
public record Volume(String identifier, String mountPoint) {

    /** Mounted where the running OS lives: "/", "/boot", macOS's "/System/Volumes/..." (Data, Preboot, VM, Update). */
    public boolean holdsSystem() {
        return mountPoint.equals("/") || mountPoint.startsWith("/System/Volumes/")
                || mountPoint.equals("/boot") || mountPoint.startsWith("/boot/");
    }
}
