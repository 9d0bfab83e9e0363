package dev.orchestrate.dut;

import dev.orchestrate.device.Baseline;
import dev.orchestrate.device.Candidate;
import dev.orchestrate.device.DiskGuard;
import dev.orchestrate.device.DiskMap;
import dev.orchestrate.device.Expectation;
import dev.orchestrate.device.HdiutilAttach;
import dev.orchestrate.device.LimitCheck;
import dev.orchestrate.device.Limits;
import dev.orchestrate.device.Media;
import dev.orchestrate.device.Peripheral;
import dev.orchestrate.device.PropertyList;
import dev.orchestrate.device.Refusal;
import dev.orchestrate.device.Registry;
import dev.orchestrate.host.Platform;
import dev.orchestrate.outcome.NotRunnable;
import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.process.Command;
import dev.orchestrate.process.Outcome;
import dev.orchestrate.process.Runner;
import dev.orchestrate.process.Runners;
import dev.orchestrate.report.Evidence;
import dev.orchestrate.suite.Cell;
import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Section;
import dev.orchestrate.suite.Size;
import java.nio.file.Path;
import java.util.List;

/**
 * A Mac's disk: {@code macos-disk} names one by identifier and identity; {@code macos-ramdisk} attaches
 * a RAM disk with hdiutil and detaches it at the end. Both are checked with diskutil and ioreg (read
 * only, also in a dry run) and the disk guard before anything is written; every command that changes
 * the disk goes through the runner a dry run replaces. With {@code file-system: raw} files lie at
 * device offsets of the raw node /dev/rdiskN, read back from it: the raw node has no buffer cache, but
 * the driver under test answers. With a file system, a small GPT partition is made and files are
 * copied onto it and read back through it. A lab disk's reboot or power cut runs the host's command the
 * suite names and ends the run; the resume checks the disk's identity again before anything else.
 */
public final class MacosTarget implements Target, Mountable, Ejectable, DiskOperations, LabHost {

    private static final List<Key> COMMON = List.of(
            Key.choice("file-system", "raw", Diskutil.FILE_SYSTEMS, "raw: files at device offsets of /dev/rdiskN (the run's region is zeroed first);"
                    + " else a small GPT partition formatted with diskutil (jhfs+ is HFS+ journaled), files copied onto it"),
            Key.optional("baseline", Key.Type.TEXT, null, "a saved identity (JSON) to diff this disk's against, e.g. captured under the previous driver"));

    public static final Section.Variant DISK = new Section.Variant("a Mac's disk, chosen by identifier and identity (diskutil info, ioreg);"
            + " internal, system, boot-image, partition, read-only and mounted disks are refused; macOS only", concat(List.of(
            Key.required("disk", Key.Type.TEXT, "the whole disk's identifier, e.g. disk5 (identifiers change across reboots: the identity keys confirm it)"),
            Key.optional("media-name", Key.Type.TEXT, null, "the Media Name diskutil info must show"),
            Key.optional("protocol", Key.Type.TEXT, null, "the Protocol diskutil info must show (e.g. SCSI; the field a driver migration changes)"),
            Key.optional("size", Key.Type.SIZE, null, "the Disk Size it must show, exactly"),
            Key.optional("serial", Key.Type.TEXT, null, "the serial number the IORegistry must show"),
            Key.optional("ioreg-class", Key.Type.TEXT, "IOSCSIParallelInterfaceController", "the controller class whose registry subtree holds the disk"),
            Key.choice("may-unmount", "no", List.of("no", "yes"), "yes: the disk's mounted volumes are unmounted first and their data destroyed"),
            TrustedHost.KEY),
            HostCommands.KEYS));

    public static final Section.Variant RAMDISK = new Section.Variant("a RAM disk attached with hdiutil attach -nomount ram://N and detached at"
            + " the end, so the same suites run on any Mac without lab hardware; macOS only", concat(List.of(
            Key.optional("size", Key.Type.SIZE, "1GiB", "the RAM disk's size")), List.of()));

    private final String kind;
    private final Expectation expected;
    private final String ioregClass;
    private final String fileSystem;
    private final Path baseline;
    private final long ramBytes;
    private final Runners runners;
    private final Layout layout;
    private final Platform host;
    private final String volumeName;
    private final HostCommands hostCommands;
    private final TrustedHost trusted;
    private String disk;
    private int blockSize = 512;
    private Path mountPoint;
    private Candidate identified;
    private boolean unmounted;
    private boolean ejected;

    private MacosTarget(String kind, Expectation expected, Options options, Runners runners, Layout layout, Platform host, String runName) {
        this.kind = kind;
        this.expected = expected;
        this.ioregClass = expected == null ? null : options.text("ioreg-class");
        this.fileSystem = options.text("file-system");
        this.baseline = options.optionalText("baseline").map(Path::of).orElse(null);
        this.ramBytes = expected == null ? options.size("size") : 0;
        this.runners = runners;
        this.layout = layout;
        this.host = host;
        // FAT32 takes up to 11 capitals; the run id keeps two runs' volumes apart
        this.volumeName = ("ORCH" + runName.substring(Math.max(0, runName.length() - 6))).toUpperCase(java.util.Locale.ROOT);
        this.disk = expected == null ? null : expected.identifier();
        this.hostCommands = HostCommands.of(options);
        this.trusted = expected == null ? null : TrustedHost.of(options);
    }

    public static MacosTarget open(Options options, Runners runners, Layout layout, Platform host, String runName) {
        String kind = options.text("kind");
        return new MacosTarget(kind, kind.equals("macos-disk") ? expectation(options) : null, options, runners, layout, host, runName);
    }

    /**
     * Why the lab disk a macos-disk target names may not be written, one line per rule, then its
     * capacity; empty when it may. Asks diskutil and ioreg through {@code looks} before anything runs,
     * so a refused disk is bad input and nothing is written.
     */
    public static List<String> problems(Options options, Runner looks, Layout layout) {
        Expectation expected = expectation(options);
        Candidate candidate;
        try {
            candidate = identify(looks, expected.identifier(), options.text("ioreg-class"));
        } catch (RigBroken e) {
            return List.of("macos-disk " + expected.identifier() + ": " + e.getMessage());
        }
        // a file system takes a partition of its own, sized when it is made; raw files need the whole layout
        long needed = options.text("file-system").equals("raw") ? layout.total() : 0;
        return Targets.diskProblems("macos-disk " + expected.identifier(), DiskGuard.refusals(candidate, expected),
                candidate.identity().media().sizeBytes(), needed);
    }

    private static Expectation expectation(Options options) {
        return new Expectation(options.text("disk"), options.optionalText("media-name").orElse(null),
                options.optionalText("protocol").orElse(null), options.find("size").map(v -> Size.parse(v.text()).bytes()).orElse(null),
                options.optionalText("serial").orElse(null), options.text("may-unmount").equals("yes"));
    }

    @Override
    public String describe() {
        return kind + " " + (disk == null ? "(not attached yet)" : "/dev/" + disk) + (fileSystem.equals("raw") ? ", raw" : ", " + fileSystem);
    }

    @Override
    public boolean raw() {
        return fileSystem.equals("raw");
    }

    @Override
    public void prepare() {
        if (host != Platform.MACOS) {
            throw new NotRunnable(kind + ": macOS only");
        }
        if (expected == null) {
            if (ramBytes < layout.total()) {
                throw new RigBroken("the RAM disk's size " + new Size(ramBytes) + " is below what the cells need (" + new Size(layout.total()) + "); raise 'size'");
            }
            Outcome attached = runners.changes().require(Diskutil.attachRam(ramBytes));
            // in a dry run nothing was attached: the commands name a placeholder and there is nothing to check
            disk = runners.changes().prints() ? "diskN" : HdiutilAttach.device(attached.output(), attached.command().display());
        }
        if (!runners.changes().prints() || expected != null) {
            identified = identify();
            requireWritable(identified);
            blockSize = (int) identified.identity().media().blockSize();
            if (!identified.mounted().isEmpty()) {
                runners.changes().require(Diskutil.unmountDisk(disk));
            }
        }
        if (raw()) {
            runners.changes().require(Diskutil.zero(rawNode(), layout.total()));
        } else {
            Outcome made = partitionDisk(fileSystem, Math.max(layout.total() * 2, 64L << 20));
            if (!made.succeeded()) {
                throw new RigBroken("cannot prepare " + disk + ": " + made.describe());
            }
            mountPoint = Path.of("/Volumes", volumeName);
        }
    }

    @Override
    public HostCommands hostCommands() {
        return hostCommands;
    }

    /**
     * Before anything else after the reboot: the disk must be the one the run wrote, else the rig
     * changed and there is no verdict. Nothing is zeroed or partitioned again; macOS mounted the
     * run's volume at boot.
     */
    @Override
    public void prepareForResume() {
        if (host != Platform.MACOS) {
            throw new NotRunnable(kind + ": macOS only");
        }
        try {
            identified = identify();
        } catch (RigBroken gone) {
            throw new RigBroken("after the reboot, " + disk + " cannot be looked at (" + gone.getMessage() + "); " + DiskGuard.CHANGED, gone);
        }
        DiskGuard.requireAfterReboot(identified, expected);
        blockSize = (int) identified.identity().media().blockSize();
        mountPoint = raw() ? null : Path.of("/Volumes", volumeName);
    }

    /** The disk is back as macOS attached it at boot: its identity was confirmed before the first cell. */
    @Override
    public void resumeCell(Cell cell, Path dir, Evidence evidence) {
    }

    /**
     * A lab disk must be exactly the one the suite names; a RAM disk this run attached is named by its
     * identifier alone (it has no serial), and every other rule (internal, mounted, ...) still applies.
     */
    private void requireWritable(Candidate candidate) {
        if (expected != null) {
            DiskGuard.require(candidate, expected);
            return;
        }
        Media media = candidate.identity().media();
        List<String> refusals = DiskGuard.refusals(candidate, new Expectation(disk, media.mediaName(), null, media.sizeBytes(), null, false))
                .stream().filter(r -> r.rule() != Refusal.Rule.UNNAMED).map(Refusal::reason).toList();
        if (!refusals.isEmpty()) {
            throw new RigBroken("refusing to write the RAM disk " + disk + ":\n  - " + String.join("\n  - ", refusals));
        }
    }

    private Candidate identify() {
        return identify(runners.looks(), disk, ioregClass);
    }

    /** The disk as diskutil and, under {@code ioregClass} (null for a RAM disk), the IORegistry describe it. */
    private static Candidate identify(Runner looks, String disk, String ioregClass) {
        Object info = PropertyList.parse(looks.require(Diskutil.info(disk)).output(), Diskutil.info(disk).display());
        Object list = PropertyList.parse(looks.require(Diskutil.list()).output(), Diskutil.list().display());
        // a RAM disk has no controller worth a look: its identity is what diskutil says
        Registry registry = new Registry(Peripheral.UNKNOWN, Limits.NONE);
        if (ioregClass != null) {
            Command ioreg = Diskutil.ioreg(ioregClass);
            Object tree = PropertyList.parse(looks.require(ioreg).output(), ioreg.display());
            try {
                registry = Registry.of(tree, disk, ioreg.display());
            } catch (RigBroken notUnderTheController) {
                // a disk on another controller (the internal SSD) has no serial here: the guard then refuses it by every rule that applies
            }
        }
        return Candidate.macos(Media.fromDiskutilInfo(info, Diskutil.info(disk).display()), DiskMap.fromDiskutilList(list, Diskutil.list().display()), registry);
    }

    /** The identity as diskutil and the registry gave it, the limit check and the diff against the baseline, with every cell. */
    @Override
    public void beforeCell(Cell cell, Path dir, Evidence evidence) {
        if (identified == null) {
            return;
        }
        StringBuilder text = new StringBuilder();
        identified.identity().fields().forEach((label, value) -> text.append(label).append(": ").append(value == null ? "(none)" : value).append('\n'));
        evidence.attachText("device identity", text.toString());
        if (!identified.identity().limits().values().isEmpty() || expected != null) {
            List<String> problems = LimitCheck.problems(identified.identity().limits());
            evidence.attachText("transfer limits check", problems.isEmpty() ? "every limit is published and consistent" : String.join("\n", problems));
        }
        if (baseline != null) {
            Baseline saved = Baseline.load(baseline);
            List<String> diff = saved.diff(identified.identity());
            evidence.attachText("identity against the baseline", "baseline: " + saved.about() + "\n"
                    + (diff.isEmpty() ? "no difference" : String.join("\n", diff)));
        }
    }

    private String rawNode() {
        return "/dev/r" + disk;
    }

    @Override
    public Placement place(Cell cell, int index) {
        return raw() ? new Placement(Path.of(rawNode()), layout.fileOffset(cell.ordinal(), index), blockSize)
                : new Placement(mountPoint.resolve(cell.slug()).resolve("file-" + index + ".bin"), -1, blockSize);
    }

    @Override
    public ReadBack readRaw(Placement p) {
        if (trusted != null) {
            return ReadBack.trusted(trusted, p.deviceOffset(), blockSize);
        }
        return ReadBack.device(p.path(), p.deviceOffset(), blockSize, "read through the driver under test: " + p.path()
                + ", the raw node, at each file's device offset in aligned blocks (the raw node has no buffer cache; the driver's and the"
                + " device's own caches are not bypassed)");
    }

    @Override
    public ReadBack readBack(Cell cell, int index, String name) {
        Placement p = place(cell, index, name);
        return p.raw() ? readRaw(p) : ReadBack.file(p.path(), "read through the driver under test: the files on " + mountPoint
                + ", through the file system and the buffer cache", blockSize);
    }

    @Override
    public Region region(Cell cell, boolean wholeDevice) {
        if (!raw()) {
            return Target.super.region(cell, wholeDevice);
        }
        if (trusted != null) {
            return Region.none(TrustedHost.UNSCANNED);
        }
        return new Region(Path.of(rawNode()), wholeDevice ? 0 : layout.start(cell.ordinal()), wholeDevice ? layout.total() : layout.end(cell.ordinal()),
                blockSize, (wholeDevice ? "every cell's region" : "the cell's region") + " of " + rawNode() + ", read through the driver under test");
    }

    /** Raw regions stay as the record of what happened; the partition is remade by the next run. */
    @Override
    public void afterCell(Cell cell, List<Placement> placements, boolean passed, Evidence evidence) {
    }

    @Override
    public void unmount() {
        runners.changes().require(raw() ? Diskutil.unmountDisk(disk) : Diskutil.unmount(mountPoint.toString()));
        unmounted = true;
    }

    @Override
    public void mount() {
        if (ejected) {
            throw new RigBroken(disk + " was ejected: it comes back only when it is attached again (replug or power-cycle the box)");
        }
        if (!raw()) {
            runners.changes().require(Diskutil.mount(volumeName));
        }
        unmounted = false;
    }

    @Override
    public boolean mounted() {
        return !raw() && !unmounted && !ejected;
    }

    @Override
    public void eject() {
        runners.changes().require(Diskutil.eject(disk));
        ejected = true;
    }

    @Override
    public Outcome partitionDisk(String format, long bytes) {
        return runners.changes().run(Diskutil.partitionDisk(disk, format, volumeName, bytes));
    }

    @Override
    public Outcome eraseDisk(String format) {
        return runners.changes().run(Diskutil.eraseDisk(disk, format, volumeName));
    }

    /** A RAM disk this run attached is detached; a lab disk stays as the run left it, for a look. */
    @Override
    public void close() {
        if (expected == null && disk != null && !ejected) {
            runners.changes().require(Diskutil.detach(disk));
        }
    }

    private static List<Key> concat(List<Key> own, List<Key> hostCommands) {
        return java.util.stream.Stream.of(own, hostCommands, COMMON).flatMap(List::stream).toList();
    }
}
