package dev.orchestrate.device;

import java.util.ArrayList;
import java.util.List;

/**
 * The disks, partitions and APFS containers of a Mac, from {@code diskutil list -plist}: which volumes
 * are mounted on a whole disk, counting the volumes of any APFS container whose physical store lies
 * on it (the booted system's container sits on a partition of the internal disk).
 */
public record DiskMap(List<Entry> entries) {

    /** One element of AllDisksAndPartitions. */
    record Entry(String identifier, List<Volume> volumes, List<String> physicalStores) {
    }

    public DiskMap {
        entries = List.copyOf(entries);
    }

    public static DiskMap fromDiskutilList(Object plist, String source) {
        List<Entry> entries = new ArrayList<>();
        for (Dict disk : Dict.of(plist, source).dicts("AllDisksAndPartitions")) {
            List<Volume> volumes = new ArrayList<>();
            addMounted(disk, volumes);
            disk.dicts("Partitions").forEach(p -> addMounted(p, volumes));
            for (Dict volume : disk.dicts("APFSVolumes")) {
                addMounted(volume, volumes);
                // the sealed system snapshot is what is mounted on "/", not its volume
                volume.dicts("MountedSnapshots").forEach(s -> add(s.string("SnapshotBSD"), s.string("SnapshotMountPoint"), volumes));
            }
            entries.add(new Entry(disk.string("DeviceIdentifier"), volumes, Media.physicalStores(disk)));
        }
        return new DiskMap(entries);
    }

    /** The volumes mounted on {@code wholeDisk}, its slices, and containers stored on it. */
    public List<Volume> mountedOn(String wholeDisk) {
        List<Volume> mounted = new ArrayList<>();
        for (Entry entry : entries) {
            boolean stored = entry.physicalStores().stream().anyMatch(store -> Media.wholeDiskOf(store).equals(wholeDisk));
            if (wholeDisk.equals(entry.identifier()) || stored) {
                mounted.addAll(entry.volumes());
            }
        }
        return mounted;
    }

    private static void addMounted(Dict d, List<Volume> volumes) {
        add(d.string("DeviceIdentifier"), d.string("MountPoint"), volumes);
    }

    private static void add(String identifier, String point, List<Volume> volumes) {
        if (point != null && !point.isEmpty()) {
            volumes.add(new Volume(identifier, point));
        }
    }
}
