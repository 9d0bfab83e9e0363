package dev.orchestrate.dut;

import dev.orchestrate.device.Baseline;
import dev.orchestrate.device.Candidate;
import dev.orchestrate.device.DiskGuard;
import dev.orchestrate.device.Expectation;
import dev.orchestrate.device.HdiutilAttach;
import dev.orchestrate.device.LimitCheck;
import dev.orchestrate.device.Media;
import dev.orchestrate.device.Refusal;
import dev.orchestrate.host.Platform;
import dev.orchestrate.outcome.NotRunnable;
import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.process.Outcome;
import dev.orchestrate.process.Runners;
import dev.orchestrate.report.Evidence;
import dev.orchestrate.suite.Cell;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Size;
import dev.orchestrate.trace.DiskNodes;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A Mac's disk: {@code macos-disk} names one by identifier and identity; {@code macos-ramdisk} attaches
 * a RAM disk with hdiutil and detaches it at the end. Both are checked with diskutil and ioreg (read
 * only, also in a dry run) and the disk guard before anything is written; every command that changes
 * the disk goes through the runner a dry run replaces. With {@code file-system: raw} files lie at
 * device offsets of the raw node /dev/rdiskN, read back from it: the raw node has no buffer cache, but
 * the driver under test answers. With a file system, a small GPT partition is made and files are
 * copied onto it and read back through it, and each cell's I/O on the disk is recorded with fs_usage
 * for its command log ({@link FsUsageRecorder}). A lab disk's reboot or power cut runs the host's
 * command the suite names and ends the run; the resume checks the disk's identity again before
 * anything else.
 */
public final class MacosTarget implements Target, LabHost {

    private final String kind;
    /** The lab disk the suite names and what it must be; empty for a RAM disk the run attaches. */
    private final Optional<Expectation> labDisk;
    private final String ioregClass;
    private final String fileSystem;
    private final Path baseline;
    private final long ramBytes;
    private final Runners runners;
    private final Layout layout;
    private final Platform host;
    private final String volumeName;
    private final HostCommands hostCommands;
    private final Optional<TrustedHost> trusted;
    /** Whether each cell's I/O on the disk is recorded with fs_usage for its command log. */
    private final boolean recorded;
    /** The wall clock the recording's step marks are read from. */
    private final Clock clock;
    private String disk;
    private int blockSize = 512;
    private Path mountPoint;
    private Candidate identified;
    /** The disk was ejected: it is gone for the rest of the run, until it is attached again. */
    private boolean ejected;

    private MacosTarget(String kind, Optional<Expectation> labDisk, Options options, Runners runners, Layout layout, Platform host,
                        String runName) {
        this.kind = kind;
        this.labDisk = labDisk;
        this.ioregClass = labDisk.isEmpty() ? null : options.text("ioreg-class");
        this.fileSystem = options.text("file-system");
        this.baseline = options.optionalText("baseline").map(Path::of).orElse(null);
        this.ramBytes = labDisk.isEmpty() ? options.size("size") : 0;
        this.runners = runners;
        this.layout = layout;
        this.host = host;
        // FAT32 takes up to 11 capitals; the run id keeps two runs' volumes apart
        this.volumeName = ("ORCH" + runName.substring(Math.max(0, runName.length() - 6))).toUpperCase(Locale.ROOT);
        this.disk = labDisk.map(Expectation::identifier).orElse(null);
        this.hostCommands = HostCommands.of(options);
        this.trusted = labDisk.isEmpty() ? Optional.empty() : TrustedHost.of(options);
        this.recorded = options.text(FsUsageRecorder.KEY).equals("fs-usage");
        this.clock = Clock.systemDefaultZone();
    }

    public static MacosTarget open(Options options, Runners runners, Layout layout, Platform host, String runName) {
        String kind = options.text("kind");
        return new MacosTarget(kind, kind.equals("macos-disk") ? Optional.of(MacosKind.expectation(options)) : Optional.empty(),
                options, runners, layout, host, runName);
    }

    @Override
    public Map<String, String> identity() {
        return identified == null ? Map.of() : identified.identity().fields();
    }

    @Override
    public String describe() {
        return kind + " " + (disk == null ? "(not attached yet)" : "/dev/" + disk)
                + (fileSystem.equals("raw") ? ", raw" : ", " + fileSystem);
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
        if (labDisk.isEmpty()) {
            if (ramBytes < layout.total()) {
                throw new RigBroken("the RAM disk's size " + new Size(ramBytes) + " is below what the cells need ("
                        + new Size(layout.total()) + "); raise 'size'");
            }
            Outcome attached = runners.changes().require(Diskutil.attachRam(ramBytes));
            // in a dry run nothing was attached: the commands name a placeholder and there is nothing to check
            disk = runners.changes().prints() ? "diskN" : HdiutilAttach.device(attached.output(), attached.command().display());
        }
        if (!runners.changes().prints() || labDisk.isPresent()) {
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
            throw new RigBroken("after the reboot, " + disk + " cannot be looked at (" + gone.getMessage() + "); "
                    + DiskGuard.CHANGED, gone);
        }
        DiskGuard.requireAfterReboot(identified, labDisk.orElseThrow());
        blockSize = (int) identified.identity().media().blockSize();
        mountPoint = raw() ? null : Path.of("/Volumes", volumeName);
    }

    /**
     * A lab disk must be exactly the one the suite names; a RAM disk this run attached is named by its
     * identifier alone (it has no serial), and every other rule (internal, mounted, ...) still applies.
     */
    private void requireWritable(Candidate candidate) {
        if (labDisk.isPresent()) {
            DiskGuard.require(candidate, labDisk.get());
            return;
        }
        Media media = candidate.identity().media();
        List<String> refusals = DiskGuard
                .refusals(candidate, new Expectation(disk, media.mediaName(), null, media.sizeBytes(), null, false))
                .stream().filter(r -> r.rule() != Refusal.Rule.UNNAMED).map(Refusal::reason).toList();
        if (!refusals.isEmpty()) {
            throw new RigBroken("refusing to write the RAM disk " + disk + ":\n  - " + String.join("\n  - ", refusals));
        }
    }

    private Candidate identify() {
        return Diskutil.identify(runners.looks(), disk, ioregClass);
    }

    /** The cell's files on the raw node or the run's volume, with the identity, the limit check and the baseline diff attached. */
    @Override
    public Device open(Cell cell, Path dir, Evidence evidence) {
        return open(cell, dir, evidence, false);
    }

    /**
     * As {@link #open(Cell, Path, Evidence)}; with a file system and {@code command-log: fs-usage}, the
     * disk's I/O is recorded for the cell ({@code resumed}: going on with the log from before the reboot).
     */
    private Device open(Cell cell, Path dir, Evidence evidence, boolean resumed) {
        attachIdentity(evidence);
        Device files = raw()
                ? RawDisk.throughDriver(Path.of(rawNode()), layout, blockSize, trusted, ", the raw node, at each file's device offset"
                        + " in aligned blocks (the raw node has no buffer cache;"
                        + " the driver's and the device's own caches are not bypassed)").device(cell)
                : new MacosDevice.Volume(cell, mountPoint, blockSize);
        if (!recorded) {
            return new MacosDevice(files, this);
        }
        if (raw()) {
            evidence.attachText("command log", "not recorded: fs_usage sees the I/O the BSD layer sends through a disk's block nodes,"
                    + " and the raw node /dev/r" + disk + " sends its reads and writes to the disk driver directly, so a raw target"
                    + " has no command log; with a file system, the cell's I/O on its volume is recorded");
            return new MacosDevice(files, this);
        }
        if (runners.changes().prints()) {
            // a dry run partitions nothing, so there is nothing to place yet: the command is printed, and no log is kept
            runners.changes().run(FsUsageRecorder.command());
            return new MacosDevice(files, this);
        }
        return new MacosDevice.Recorded(files, this, FsUsageRecorder.start(runners.changes(), dir, nodes(), clock, resumed), evidence);
    }

    /** The disk's partitions and what is stored on it, as diskutil says now. */
    DiskNodes nodes() {
        return Diskutil.nodes(runners.looks(), disk, blockSize);
    }

    @Override
    public Optional<Resumable> resumable() {
        return Optional.of(this);
    }

    /** The disk is back as macOS attached it at boot: its identity was confirmed before the first cell. */
    @Override
    public Device reopen(Cell cell, Path dir, Evidence evidence) {
        return open(cell, dir, evidence, true);
    }

    /** The identity as diskutil and the registry gave it, the limit check and the diff against the baseline, with every cell. */
    private void attachIdentity(Evidence evidence) {
        if (identified == null) {
            return;
        }
        StringBuilder text = new StringBuilder();
        identified.identity().fields().forEach((label, value) -> text.append(label).append(": ")
                .append(value == null ? "(none)" : value).append('\n'));
        evidence.attachText("device identity", text.toString());
        if (!identified.identity().limits().values().isEmpty() || labDisk.isPresent()) {
            List<String> problems = LimitCheck.problems(identified.identity().limits());
            evidence.attachText("transfer limits check",
                    problems.isEmpty() ? "every limit is published and consistent" : String.join("\n", problems));
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

    void unmount() {
        runners.changes().require(raw() ? Diskutil.unmountDisk(disk) : Diskutil.unmount(mountPoint.toString()));
    }

    void mount() {
        if (ejected) {
            throw new RigBroken(disk + " was ejected: it comes back only when it is attached again (replug or power-cycle the box)");
        }
        if (!raw()) {
            runners.changes().require(Diskutil.mount(volumeName));
        }
    }

    boolean ejected() {
        return ejected;
    }

    void eject() {
        runners.changes().require(Diskutil.eject(disk));
        ejected = true;
    }

    Outcome partitionDisk(String format, long bytes) {
        return runners.changes().run(Diskutil.partitionDisk(disk, format, volumeName, bytes));
    }

    Outcome eraseDisk(String format) {
        return runners.changes().run(Diskutil.eraseDisk(disk, format, volumeName));
    }

    /** A RAM disk this run attached is detached; a lab disk stays as the run left it, for a look. */
    @Override
    public void close() {
        if (labDisk.isEmpty() && disk != null && !ejected) {
            runners.changes().require(Diskutil.detach(disk));
        }
    }

}
