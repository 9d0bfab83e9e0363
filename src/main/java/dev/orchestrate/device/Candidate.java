package dev.orchestrate.device;

import java.util.ArrayList;
import java.util.List;

/**
 * A disk as the refusal rules see it: its identity, the volumes mounted on it now, the block devices
 * built on it (Linux holders: device mapper, md RAID), and why it could not be found under the
 * controller the suite names (a Mac's IORegistry).
 */
public record Candidate(DiskIdentity identity, List<Volume> mounted, List<String> holders, List<Refusal> controller) {

    public Candidate {
        mounted = List.copyOf(mounted);
        holders = List.copyOf(holders);
        controller = List.copyOf(controller);
    }

    /** A disk whose controller is not looked up (Linux). */
    public Candidate(DiskIdentity identity, List<Volume> mounted, List<String> holders) {
        this(identity, mounted, holders, List.of());
    }

    /** On a Mac, with the registry facts for diskN known (or, for a RAM disk, not asked for). */
    public static Candidate macos(Media media, DiskMap map, Registry registry) {
        return macos(media, map, new ControllerLookup(registry, List.of()));
    }

    /**
     * On a Mac: {@code diskutil info -plist diskN}, {@code diskutil list -plist} and diskN looked up
     * under its controller. The disk's own MountPoint counts too: a whole-disk volume (a booted disk
     * image) has no slices.
     */
    public static Candidate macos(Media media, DiskMap map, ControllerLookup lookup) {
        List<Volume> mounted = new ArrayList<>(map.mountedOn(Media.wholeDiskOf(media.identifier())));
        if (media.mountPoint() != null && mounted.stream().noneMatch(v -> v.identifier().equals(media.identifier()))) {
            mounted.addFirst(new Volume(media.identifier(), media.mountPoint()));
        }
        Registry registry = lookup.registry();
        return new Candidate(new DiskIdentity(media, registry.peripheral(), registry.limits(), registry.elsewhere()), mounted,
                List.of(), lookup.refusals());
    }
}
