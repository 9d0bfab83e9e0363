package dev.orchestrate.device;

import dev.orchestrate.outcome.RigBroken;

/**
 * Where a partition lies on its whole disk, from {@code diskutil info -plist diskNsM}: the only place
 * diskutil gives a partition's offset ({@code diskutil list} gives sizes, not offsets). A recording
 * of the disk's I/O needs it, since fs_usage counts blocks from the start of the node they went to.
 *
 * @param offset the partition's first byte on the whole disk (PartitionMapPartitionOffset)
 * @param size its length in bytes (Size)
 */
public record Partition(String identifier, String wholeDisk, long offset, long size) {

    public static Partition fromDiskutilInfo(Object plist, String source) {
        Dict d = Dict.of(plist, source);
        String identifier = d.string("DeviceIdentifier");
        Long offset = d.number("PartitionMapPartitionOffset");
        Long size = d.number("Size");
        if (identifier == null || offset == null || size == null) {
            throw new RigBroken(source + ": no DeviceIdentifier, PartitionMapPartitionOffset and Size; is this the output of"
                    + " 'diskutil info -plist' for a partition?");
        }
        return new Partition(identifier, d.string("ParentWholeDisk"), offset, size);
    }
}
