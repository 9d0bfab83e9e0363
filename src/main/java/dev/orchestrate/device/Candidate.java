package dev.orchestrate.device;

import java.util.ArrayList;
import java.util.List;

/**
 * A disk as the refusal rules see it: its identity, the volumes mounted on it now, and the block
 * devices built on it (Linux holders: device mapper, md RAID).
 */
public record Candidate(DiskIdentity identity, List<Volume> mounted, List<String> holders) {

    public Candidate {
        mounted = List.copyOf(mounted);
        holders = List.copyOf(holders);
    }

    /**
     * On a Mac: {@code diskutil info -plist diskN}, {@code diskutil list -plist} and the registry facts
     * for diskN. The disk's own MountPoint counts too: a whole-disk volume (a booted disk image) has no slices.
     */
    public static Candidate macos(Media media, DiskMap map, Registry registry) {
        List<Volume> mounted = new ArrayList<>(map.mountedOn(Media.wholeDiskOf(media.identifier())));
        if (media.mountPoint() != null && mounted.stream().noneMatch(v -> v.identifier().equals(media.identifier()))) {
            mounted.addFirst(new Volume(media.identifier(), media.mountPoint()));
        }
        return new Candidate(new DiskIdentity(media, registry.peripheral(), registry.limits(), registry.elsewhere()), mounted, List.of());
    }
}
