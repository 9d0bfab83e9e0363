package dev.orchestrate.dut;

import dev.orchestrate.device.Candidate;
import dev.orchestrate.device.DiskGuard;
import dev.orchestrate.device.Expectation;
import dev.orchestrate.host.Platform;
import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.process.Runner;
import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Section;
import dev.orchestrate.suite.Size;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The two target kinds on a Mac: a lab disk the suite names ({@code macos-disk}), or a RAM disk the
 * run attaches ({@code macos-ramdisk}).
 */
record MacosKind(boolean ramDisk) implements TargetKind {

    private static final List<Key> COMMON = List.of(
            Key.choice("file-system", "raw", Diskutil.FILE_SYSTEMS,
                    "raw: files at device offsets of /dev/rdiskN (the run's region is zeroed first);"
                            + " else a small GPT partition formatted with diskutil (jhfs+ is HFS+ journaled), files copied onto it"),
            Key.optional("baseline", Key.Type.TEXT, null,
                    "a saved identity (JSON) to diff this disk's against, e.g. captured under the previous driver"));

    private static final Section.Variant DISK = new Section.Variant("a Mac's disk, chosen by identifier and identity"
            + " (diskutil info, ioreg); internal, system, boot-image, partition, read-only and mounted disks are refused;"
            + " macOS only", concat(List.of(
            Key.required("disk", Key.Type.TEXT,
                    "the whole disk's identifier, e.g. disk5 (identifiers change across reboots: the identity keys confirm it)"),
            Key.optional("media-name", Key.Type.TEXT, null, "the Media Name diskutil info must show (e.g. RAID R8),"
                    + " or the disk's IORegistry name, which diskutil prints as IORegistryEntryName (GAMMA RAID R8 Media)"),
            Key.optional("protocol", Key.Type.TEXT, null,
                    "the Protocol diskutil info must show (e.g. SCSI; the field a driver migration changes)"),
            Key.optional("size", Key.Type.SIZE, null, "the Disk Size it must show, exactly (Size in diskutil info -plist;"
                    + " TotalSize is the mounted volume's)"),
            Key.optional("serial", Key.Type.TEXT, null, "the serial number the IORegistry must show"),
            Key.optional("ioreg-class", Key.Type.TEXT, "IOSCSIParallelInterfaceController",
                    "the controller class whose registry subtree holds the disk"),
            Key.choice("may-unmount", "no", List.of("no", "yes"),
                    "yes: the disk's mounted volumes are unmounted first and their data destroyed"),
            FsUsageRecorder.key("fs-usage"),
            TrustedHost.KEY),
            HostCommands.KEYS));

    private static final Section.Variant RAMDISK = new Section.Variant("a RAM disk attached with hdiutil attach -nomount ram://N"
            + " and detached at the end, so the same suites run on any Mac without lab hardware; macOS only", concat(List.of(
            Key.optional("size", Key.Type.SIZE, "1GiB", "the RAM disk's size"), FsUsageRecorder.key("none")), List.of()));


    @Override
    public String name() {
        return ramDisk ? "macos-ramdisk" : "macos-disk";
    }

    @Override
    public Section.Variant variant() {
        return ramDisk ? RAMDISK : DISK;
    }

    /** A lab disk's reboot and power cut take the host down, through the commands the suite names. */
    @Override
    public Set<Ability> abilities() {
        return ramDisk ? EnumSet.of(Ability.MOUNT, Ability.EJECT, Ability.DISK_OPERATIONS)
                : EnumSet.of(Ability.MOUNT, Ability.EJECT, Ability.DISK_OPERATIONS, Ability.REBOOT, Ability.POWER_CUT);
    }

    @Override
    public Target open(Opening at) {
        return MacosTarget.open(at.options(), at.runners(), at.layout(), Platform.current(), at.runName());
    }

    @Override
    public List<Platform> platforms() {
        return List.of(Platform.MACOS);
    }

    @Override
    public boolean raw(Options target) {
        return target.text("file-system").equals("raw");
    }

    @Override
    public boolean changesHostDevices() {
        return true;
    }

    @Override
    public boolean takesHostDown() {
        return !ramDisk;
    }

    /** Elsewhere diskutil is not there to ask, and the run skips a Mac's disk as "macos-disk: macOS only". */
    @Override
    public List<String> deviceProblems(Options target, Layout layout, Platform host, Runner looks) {
        return !ramDisk && host == Platform.MACOS ? problems(target, looks, layout) : List.of();
    }

    /**
     * Why the lab disk a macos-disk target names may not be written, one line per rule, then its
     * capacity; empty when it may. Asks diskutil and ioreg through {@code looks} before anything runs,
     * so a refused disk is bad input and nothing is written.
     */
    static List<String> problems(Options options, Runner looks, Layout layout) {
        Expectation expected = expectation(options);
        Candidate candidate;
        try {
            candidate = Diskutil.identify(looks, expected.identifier(), options.text("ioreg-class"));
        } catch (RigBroken e) {
            return List.of("macos-disk " + expected.identifier() + ": " + e.getMessage());
        }
        // a file system takes a partition of its own, sized when it is made; raw files need the whole layout
        long needed = options.text("file-system").equals("raw") ? layout.total() : 0;
        return Targets.diskProblems("macos-disk " + expected.identifier(), DiskGuard.refusals(candidate, expected),
                candidate.identity().media().sizeBytes(), needed);
    }

    static Expectation expectation(Options options) {
        return new Expectation(options.text("disk"), options.optionalText("media-name").orElse(null),
                options.optionalText("protocol").orElse(null), options.find("size").map(v -> Size.parse(v.text()).bytes()).orElse(null),
                options.optionalText("serial").orElse(null), options.text("may-unmount").equals("yes"));
    }

    private static List<Key> concat(List<Key> own, List<Key> hostCommands) {
        return Stream.of(own, hostCommands, COMMON).flatMap(List::stream).toList();
    }
}
