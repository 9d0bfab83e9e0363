package dev.orchestrate.device;

import java.nio.file.Path;

/** The recorded outputs under fixtures/macos, read as a target reads them. */
final class Fixtures {

    static final Path MACOS = Path.of("fixtures/macos");

    private Fixtures() {
    }

    static Object plist(String name) {
        return PropertyList.read(MACOS.resolve(name));
    }

    static Media media(String name) {
        return Media.fromDiskutilInfo(plist(name), name);
    }

    static Registry registry(String name, String bsdName) {
        return Registry.find(plist(name), bsdName, name).orElseThrow(() -> new AssertionError(bsdName + " is not in " + name));
    }

    static DiskMap diskMap() {
        return DiskMap.fromDiskutilList(plist("diskutil-list.plist"), "diskutil-list.plist");
    }

    /** The RAID box as the DEXT under test shows it. */
    static DiskIdentity raidUnderDext() {
        Registry registry = registry("ioreg-controller-dext.plist", "disk5");
        return new DiskIdentity(media("diskutil-info-disk5-raid-scsi.plist"), registry.peripheral(), registry.limits());
    }

    /** The RAID box as the previous KEXT showed it. */
    static DiskIdentity raidUnderKext() {
        Registry registry = registry("ioreg-controller-kext.plist", "disk5");
        return new DiskIdentity(media("diskutil-info-disk5-raid-fibre-channel.plist"), registry.peripheral(), registry.limits());
    }
}
