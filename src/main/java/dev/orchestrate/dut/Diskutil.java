package dev.orchestrate.dut;

import dev.orchestrate.device.Candidate;
import dev.orchestrate.device.ControllerLookup;
import dev.orchestrate.device.DiskMap;
import dev.orchestrate.device.Media;
import dev.orchestrate.device.Partition;
import dev.orchestrate.device.PropertyList;
import dev.orchestrate.device.Registry;
import dev.orchestrate.process.Command;
import dev.orchestrate.process.Runner;
import dev.orchestrate.trace.DiskNodes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The command lines of macOS's disk tools, as the macOS targets run them; each with a timeout. */
public final class Diskutil {

    /** The suite's file-system names, and diskutil's for them. */
    public static final Map<String, String> FORMATS = Map.of("fat32", "FAT32", "hfs+", "HFS+", "jhfs+", "JHFS+", "exfat", "ExFAT",
            "apfs", "APFS");
    /** raw (files at device offsets, no file system) first, then what diskutil can make. */
    public static final List<String> FILE_SYSTEMS = List.of("raw", "fat32", "hfs+", "jhfs+", "exfat", "apfs");

    private static final Duration LOOK = Duration.ofSeconds(60);
    private static final Duration CHANGE = Duration.ofMinutes(10);

    private Diskutil() {
    }

    public static Command info(String disk) {
        return Command.of(LOOK, "diskutil", "info", "-plist", disk);
    }

    public static Command list() {
        return Command.of(LOOK, "diskutil", "list", "-plist");
    }

    /** The registry subtree of every controller of {@code controllerClass} (or a subclass), with its properties. */
    public static Command ioreg(String controllerClass) {
        return Command.of(LOOK, "ioreg", "-a", "-l", "-r", "-c", controllerClass);
    }

    /** A small GPT partition of {@code bytes} formatted {@code format}, the rest of the disk left free. */
    public static Command partitionDisk(String disk, String format, String name, long bytes) {
        return Command.of(CHANGE, "diskutil", "partitionDisk", disk, "2", "GPT", FORMATS.get(format), name, bytes + "B",
                "Free Space", "FREE", "R");
    }

    public static Command eraseDisk(String disk, String format, String name) {
        return Command.of(CHANGE, "diskutil", "eraseDisk", FORMATS.get(format), name, "GPT", disk);
    }

    /** Zeroes the first {@code bytes} (whole MiB) of the raw node: the region the run will use, not the whole disk. */
    public static Command zero(String rawNode, long bytes) {
        return Command.of(CHANGE, "dd", "if=/dev/zero", "of=" + rawNode, "bs=1m", "count=" + bytes / Layout.ALIGN);
    }

    public static Command unmountDisk(String disk) {
        return Command.of(CHANGE, "diskutil", "unmountDisk", disk);
    }

    public static Command unmount(String volume) {
        return Command.of(CHANGE, "diskutil", "unmount", volume);
    }

    public static Command mount(String volume) {
        return Command.of(CHANGE, "diskutil", "mount", volume);
    }

    public static Command eject(String disk) {
        return Command.of(CHANGE, "diskutil", "eject", disk);
    }

    /** A RAM disk of {@code bytes} (whole 512-byte sectors), attached without mounting anything. */
    public static Command attachRam(long bytes) {
        return Command.of(CHANGE, "hdiutil", "attach", "-nomount", "ram://" + bytes / 512);
    }

    public static Command detach(String disk) {
        return Command.of(CHANGE, "hdiutil", "detach", disk);
    }

    /**
     * The disk's nodes as a recording of its I/O names them: its partitions, each placed by its own
     * {@code diskutil info} (the only place diskutil gives an offset), and the containers stored on it.
     */
    static DiskNodes nodes(Runner looks, String disk, long blockSize) {
        DiskMap map = DiskMap.fromDiskutilList(PropertyList.parse(looks.require(list()).output(), list().display()), list().display());
        Map<String, DiskNodes.Span> partitions = new LinkedHashMap<>();
        for (String name : map.partitionsOf(disk)) {
            Partition p = Partition.fromDiskutilInfo(PropertyList.parse(looks.require(info(name)).output(), info(name).display()),
                    info(name).display());
            partitions.put(name, new DiskNodes.Span(p.offset(), p.size()));
        }
        return new DiskNodes(disk, blockSize, partitions, Set.copyOf(map.storedOn(disk)));
    }

    /** The disk as diskutil and, under {@code ioregClass} (null for a RAM disk), the IORegistry describe it. */
    static Candidate identify(Runner looks, String disk, String ioregClass) {
        Object info = PropertyList.parse(looks.require(Diskutil.info(disk)).output(), Diskutil.info(disk).display());
        Object list = PropertyList.parse(looks.require(Diskutil.list()).output(), Diskutil.list().display());
        Media media = Media.fromDiskutilInfo(info, Diskutil.info(disk).display());
        DiskMap map = DiskMap.fromDiskutilList(list, Diskutil.list().display());
        if (ioregClass == null) {
            // a RAM disk has no controller worth a look: its identity is what diskutil says
            return Candidate.macos(media, map, Registry.UNKNOWN);
        }
        // a disk on no controller of the class (the internal SSD, or no such controller at all) is refused by the guard
        Command ioreg = Diskutil.ioreg(ioregClass);
        return Candidate.macos(media, map, ControllerLookup.of(looks.require(ioreg).output(), disk, ioregClass, ioreg.display()));
    }
}
