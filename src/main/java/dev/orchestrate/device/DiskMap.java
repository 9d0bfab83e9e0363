package dev.orchestrate.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The disks, partitions and APFS containers of a Mac, from {@code diskutil list -plist}: which volumes
 * are mounted on a whole disk, counting the volumes of any APFS container whose physical store lies
 * on it (the booted system's container sits on a partition of the internal disk); and a disk's
 * partitions and the containers stored on it, which a recording of its I/O must tell apart.
 */
public record DiskMap(List<Entry> entries) {

    /** One element of AllDisksAndPartitions. */
    record Entry(String identifier, List<Volume> volumes, List<String> physicalStores, List<String> partitions) {
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
            entries.add(new Entry(disk.string("DeviceIdentifier"), volumes, Media.physicalStores(disk),
                    disk.dicts("Partitions").stream().map(p -> p.string("DeviceIdentifier")).filter(Objects::nonNull).toList()));
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

    /** The partitions of {@code wholeDisk}, as diskutil lists them (disk5s1, disk5s2). */
    public List<String> partitionsOf(String wholeDisk) {
        return entries.stream().filter(e -> wholeDisk.equals(e.identifier())).flatMap(e -> e.partitions().stream()).toList();
    }

    /** The disks stored on {@code wholeDisk}'s partitions: the APFS containers whose physical store lies on it. */
    public List<String> storedOn(String wholeDisk) {
        return entries.stream().filter(e -> e.physicalStores().stream().anyMatch(s -> Media.wholeDiskOf(s).equals(wholeDisk)))
                .map(Entry::identifier).toList();
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
