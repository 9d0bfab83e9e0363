package dev.orchestrate.device;

import dev.orchestrate.device.Refusal.Rule;
import dev.orchestrate.outcome.RigBroken;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Decides whether a disk may be written. A disk is written only when it is exactly the one the suite
 * names (identifier and identity) and the host does not need it: internal, system, boot-image,
 * partition and read-only disks are refused whatever the suite says; a disk with mounted volumes is
 * refused unless the suite allows them to be unmounted. Every rule that applies is reported, not just the first.
 */
public final class DiskGuard {

    /** What to do when the disk is not the one from before the reboot (or is gone). */
    public static final String CHANGED = "the rig changed while the host was down (the disk came back under another identifier,"
            + " was swapped, or did not come back), so the cell has no verdict; check the disk and its cabling, then run the suite again";

    private DiskGuard() {
    }

    /** Empty when the disk may be written. */
    public static List<Refusal> refusals(Candidate disk, Expectation expected) {
        Media media = disk.identity().media();
        String id = media.identifier();
        List<Refusal> refusals = new ArrayList<>();
        String wanted = expected.identifier() == null ? null : expected.identifier().replaceFirst("^/dev/", "");
        if (!id.equals(wanted)) {
            refusals.add(new Refusal(Rule.MISMATCH, "the suite names " + (wanted == null ? "no disk" : wanted) + " but this is " + id
                    + "; identifiers change across reboots and re-attach, so check which disk is under test and name it"));
        }
        compare(refusals, id, "media name", "media-name", mediaNameAsExpected(expected.mediaName(), media), media.mediaName(), true);
        compare(refusals, id, "protocol", "protocol", expected.protocol(), media.protocol(), false);
        compare(refusals, id, "size in bytes", "size", expected.sizeBytes() == null ? null : expected.sizeBytes().toString(),
                Long.toString(media.sizeBytes()), true);
        compare(refusals, id, "serial number", "serial", expected.serial(), disk.identity().peripheral().serial(), true);
        refusals.addAll(disk.controller());
        if (media.internal()) {
            refusals.add(new Refusal(Rule.INTERNAL, id + " is an internal disk; internal disks are never written, whatever the suite says:"
                    + " attach the disk under test externally"));
        }
        List<Volume> system = disk.mounted().stream().filter(Volume::holdsSystem).toList();
        if (!system.isEmpty()) {
            refusals.add(new Refusal(Rule.SYSTEM, id + " holds the running system (" + list(system) + "); never choose the boot disk"
                    + " or a disk the system's volumes live on (an APFS container's physical store)"));
        }
        if (media.systemImage()) {
            refusals.add(new Refusal(Rule.SYSTEM_IMAGE, id + " is the system image the OS booted from; writing it would pull the"
                    + " running system from under itself"));
        }
        List<Volume> data = disk.mounted().stream().filter(v -> !v.holdsSystem()).toList();
        if (!data.isEmpty() && !expected.mayUnmount()) {
            refusals.add(new Refusal(Rule.MOUNTED, id + " has mounted volumes (" + list(data) + ") and the suite does not allow"
                    + " unmounting them; unmount them yourself, or allow it in the suite if their data may be destroyed"));
        }
        if (!media.whole()) {
            refusals.add(new Refusal(Rule.PARTITION, id + " is a partition, not a whole disk; name the whole disk ("
                    + Media.wholeDiskOf(id) + ") so the run controls its partition map"));
        }
        if (!media.writable()) {
            refusals.add(new Refusal(Rule.READ_ONLY, id + " says its media is not writable (a write-protect switch, a read-only"
                    + " attach or a locked device); make it writable first"));
        }
        if (!disk.holders().isEmpty()) {
            refusals.add(new Refusal(Rule.IN_USE, id + " is in use by " + String.join(", ", disk.holders())
                    + "; take it out of that device (device mapper, LVM, md RAID) first"));
        }
        return refusals;
    }

    /** Breaks the rig with every reason when the disk may not be written. */
    public static void require(Candidate disk, Expectation expected) {
        List<Refusal> refusals = refusals(disk, expected);
        if (!refusals.isEmpty()) {
            throw new RigBroken("refusing to write " + disk.identity().media().identifier() + ":\n  - " + reasons(refusals));
        }
    }

    /**
     * After a reboot or a power cut the run goes on only on the disk it wrote before: another disk in
     * its place says nothing about the driver, so the rig broke and there is no verdict.
     */
    public static void requireAfterReboot(Candidate disk, Expectation expected) {
        List<Refusal> refusals = refusals(disk, expected);
        if (!refusals.isEmpty()) {
            throw new RigBroken("after the reboot, " + disk.identity().media().identifier()
                    + " is not the disk the run wrote before it:\n  - "
                    + reasons(refusals) + "\n" + CHANGED);
        }
    }

    private static String reasons(List<Refusal> refusals) {
        return refusals.stream().map(Refusal::reason).collect(Collectors.joining("\n  - "));
    }

    /**
     * A suite may give the media name as diskutil prints it ("Cruzer Fit") or as the IORegistry names
     * the IOMedia ("SanDisk' Cruzer Fit Media"). The registry's name is read, not guessed: diskutil info
     * prints it as IORegistryEntryName, so the registry form is accepted only when it is this disk's,
     * exactly, and then compares as diskutil's MediaName. Normalising instead (dropping a vendor word
     * and " Media") would accept any vendor.
     */
    private static String mediaNameAsExpected(String expected, Media media) {
        return expected != null && media.registryName() != null && expected.strip().equals(media.registryName().strip())
                && media.mediaName() != null ? media.mediaName() : expected;
    }

    private static void compare(List<Refusal> refusals, String id, String what, String key, String expected, String actual,
                                boolean required) {
        String says = actual == null ? null : actual.strip();
        if (expected == null) {
            if (required) {
                refusals.add(new Refusal(Rule.UNNAMED, "the suite does not give the expected " + what + " of " + id + "; add "
                        + key + ": " + (says == null ? "<value>" : "'" + says + "'") + " if " + id + " is the disk under test"));
            }
        } else if (!Objects.equals(expected.strip(), says)) {
            refusals.add(new Refusal(Rule.MISMATCH, id + " says its " + what + " is " + (says == null ? "nothing" : "'" + says + "'")
                    + " but the suite expects '" + expected.strip() + "'; check that " + id + " is the disk under test"));
        }
    }

    private static String list(List<Volume> volumes) {
        return volumes.stream().map(v -> v.identifier() + " on " + v.mountPoint()).collect(Collectors.joining(", "));
    }
}
