package dev.orchestrate.device;

import dev.orchestrate.outcome.RigBroken;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What the OS says about a disk: {@code diskutil info -plist diskN} on macOS, sysfs on Linux. A flag
 * the output does not state takes its safe value (internal, not whole, not writable), so a disk that
 * says too little is refused rather than written. {@code mountPoint} is state, not identity: it is kept
 * for the refusal rules and left out of the baseline diff.
 *
 * <p>{@code mediaName} is diskutil's MediaName, which drops the vendor and the " Media" suffix of the
 * IOMedia's name ("Cruzer Fit" for the registry's "SanDisk' Cruzer Fit Media"); {@code registryName}
 * is that IOMedia name as diskutil also prints it (IORegistryEntryName), null where there is none.
 *
 * <p>{@code sizeBytes} is the disk's: diskutil's Size (what "Disk Size" shows), else IOKitSize; never
 * TotalSize, which follows the mounted volume (a whole-disk FAT volume reads 15,665,463,296 on a stick
 * of 15,682,240,512), so a disk checked by it would stop matching its own size once repartitioned.
 */
public record Media(String identifier, String mediaName, String registryName, String protocol, long sizeBytes,
                    long blockSize, boolean internal, boolean removable, boolean ejectable, boolean whole, boolean writable,
                    String content, boolean solidState, boolean virtual, boolean systemImage,
                    List<String> physicalStores, String mountPoint) {

    public Media {
        Objects.requireNonNull(identifier, "identifier");
        physicalStores = List.copyOf(physicalStores);
    }

    /** From the top-level dict of {@code diskutil info -plist}. */
    public static Media fromDiskutilInfo(Object plist, String source) {
        Dict d = Dict.of(plist, source);
        String identifier = d.string("DeviceIdentifier");
        if (identifier == null) {
            throw new RigBroken(source + ": no DeviceIdentifier; is this the output of 'diskutil info -plist <disk>'?");
        }
        Long size = Stream.of("Size", "IOKitSize").map(d::number).filter(Objects::nonNull).findFirst().orElse(0L);
        Long blockSize = d.number("DeviceBlockSize");
        String mountPoint = d.string("MountPoint");
        return new Media(identifier, d.string("MediaName"), d.string("IORegistryEntryName"), d.string("BusProtocol"), size,
                blockSize == null ? 0 : blockSize,
                !Boolean.FALSE.equals(d.flag("Internal")) || Boolean.TRUE.equals(d.flag("OSInternalMedia")),
                Boolean.TRUE.equals(d.flag("RemovableMedia")), Boolean.TRUE.equals(d.flag("Ejectable")),
                Boolean.TRUE.equals(d.flag("WholeDisk")), Boolean.TRUE.equals(d.flag("WritableMedia")),
                d.string("Content"), Boolean.TRUE.equals(d.flag("SolidState")), "Virtual".equals(d.string("VirtualOrPhysical")),
                Boolean.TRUE.equals(d.flag("SystemImage")), physicalStores(d),
                mountPoint == null || mountPoint.isEmpty() ? null : mountPoint);
    }

    /** {@code diskutil info} names a store "APFSPhysicalStore"; {@code diskutil list} names it "DeviceIdentifier". */
    static List<String> physicalStores(Dict d) {
        return d.dicts("APFSPhysicalStores").stream()
                .map(store -> Objects.requireNonNullElse(store.string("APFSPhysicalStore"), store.string("DeviceIdentifier")))
                .filter(Objects::nonNull).toList();
    }

    /** The whole disk a slice belongs to: disk0s2 → disk0, disk3s1s1 → disk3, sda1 and nvme0n1p2 are left to Linux. */
    static String wholeDiskOf(String identifier) {
        return identifier.replaceFirst("^(disk\\d+)s\\d+.*$", "$1");
    }

    /**
     * The fields a baseline is compared on, labelled as {@code diskutil info} labels them, in its order.
     * The registry name is not one: it is the vendor and product the peripheral's fields compare.
     */
    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Device Identifier", identifier);
        fields.put("Media Name", mediaName);
        fields.put("Protocol", protocol);
        fields.put("Disk Size", sizeBytes + " Bytes");
        fields.put("Device Block Size", blockSize + " Bytes");
        fields.put("Internal", yesNo(internal));
        fields.put("Removable Media", yesNo(removable));
        fields.put("Ejectable", yesNo(ejectable));
        fields.put("Whole", yesNo(whole));
        fields.put("Media Writable", yesNo(writable));
        fields.put("Content (IOContent)", content);
        fields.put("Solid State", yesNo(solidState));
        fields.put("Virtual", yesNo(virtual));
        fields.put("System Image", yesNo(systemImage));
        fields.put("APFS Physical Stores", String.join(", ", physicalStores));
        return fields;
    }

    private static String yesNo(boolean value) {
        return value ? "Yes" : "No";
    }
}
