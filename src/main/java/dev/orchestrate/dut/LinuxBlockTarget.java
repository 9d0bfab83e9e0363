package dev.orchestrate.dut;

import dev.orchestrate.device.Candidate;
import dev.orchestrate.device.DiskGuard;
import dev.orchestrate.device.Expectation;
import dev.orchestrate.device.LinuxDisks;
import dev.orchestrate.device.Refusal;
import dev.orchestrate.device.Volume;
import dev.orchestrate.host.BlockTrace;
import dev.orchestrate.host.Platform;
import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.process.Command;
import dev.orchestrate.process.Runner;
import dev.orchestrate.process.Runners;
import dev.orchestrate.report.Evidence;
import dev.orchestrate.suite.Cell;
import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Section;
import dev.orchestrate.suite.Size;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A real Linux block device, written raw at device offsets with the image target's layout. It is
 * written only when sysfs and mountinfo say it is exactly the disk the suite names and the host does
 * not need it ({@link DiskGuard}); the check runs before the run starts and again when the target is
 * prepared. Files are read back from the device with O_DIRECT: the page cache is bypassed, but the
 * driver under test still answers the reads. A reboot or a power cut runs the host's command the suite
 * names and ends the run; the resume checks the disk's identity again before anything else.
 */
public final class LinuxBlockTarget implements Target, LabHost {

    /** The linux-block kind: its keys, and the checks of a suite that names it. */
    static final class Kind implements TargetKind {

        @Override
        public String name() {
            return "linux-block";
        }

        @Override
        public Section.Variant variant() {
            return VARIANT;
        }

        /** The host's reboot and power cut, through the commands the suite names. */
        @Override
        public Set<Ability> abilities() {
            return Set.of(Ability.REBOOT, Ability.POWER_CUT);
        }

        @Override
        public Target open(Opening at) {
            return LinuxBlockTarget.open(at.options(), LinuxDisks.host(), at.runners(), at.layout());
        }

        @Override
        public List<Platform> platforms() {
            return List.of(Platform.LINUX);
        }

        @Override
        public boolean raw(Options target) {
            return true;
        }

        @Override
        public boolean changesHostDevices() {
            return true;
        }

        @Override
        public boolean takesHostDown() {
            return true;
        }

        @Override
        public List<String> deviceProblems(Options target, Layout layout, Platform host, Runner looks) {
            return problems(target, LinuxDisks.host(), layout);
        }
    }

    private static final Section.Variant VARIANT = new Section.Variant(
            "a real Linux block device, chosen by name and identity; files are written raw at device offsets"
                    + " and read back with O_DIRECT through the driver under test. The disk holding / or /boot, mounted,"
                    + " partition, read-only and held (device mapper, md) disks are refused",
            Stream.concat(Stream.of(
                    Key.required("device", Key.Type.TEXT, "the whole disk, e.g. /dev/sdc or /dev/disk/by-id/wwn-0x5000c500a1b2c3d4"),
                    Key.optional("model", Key.Type.TEXT, null,
                            "the model the disk must report (sysfs device/model; 'loop' for a loop device)"),
                    Key.optional("serial", Key.Type.TEXT, null,
                            "the serial it must report (device/serial or wwid; a loop device's backing file)"),
                    Key.optional("size", Key.Type.SIZE, null, "the size it must report, exactly (e.g. 64GiB or 68719476736)"),
                    Key.choice("may-unmount", "no", List.of("no", "yes"),
                            "yes: volumes mounted from the disk are unmounted first and their data destroyed"),
                    Key.choice("block-trace", "yes", List.of("yes", "no"),
                            "yes: every request the disk's driver is given is recorded from the kernel's block layer (tracefs) as the"
                                    + " cell's command log, for the diagnosis; no: no command log")),
                    Stream.concat(Stream.of(TrustedHost.KEY), HostCommands.KEYS.stream())).toList());

    private static final Duration UNMOUNT = Duration.ofSeconds(60);

    private final Path device;
    private final Expectation expected;
    private final LinuxDisks disks;
    private final Runners runners;
    private final Layout layout;
    private final HostCommands hostCommands;
    private final Optional<TrustedHost> trusted;
    private final boolean blockTrace;
    private int blockSize = 512;
    private Map<String, String> identity = Map.of();

    LinuxBlockTarget(Path device, Expectation expected, LinuxDisks disks, Runners runners, Layout layout, HostCommands hostCommands,
                     Optional<TrustedHost> trusted, boolean blockTrace) {
        this.device = device;
        this.expected = expected;
        this.disks = disks;
        this.runners = runners;
        this.layout = layout;
        this.hostCommands = hostCommands;
        this.trusted = trusted;
        this.blockTrace = blockTrace;
    }

    public static LinuxBlockTarget open(Options options, LinuxDisks disks, Runners runners, Layout layout) {
        Path device = Path.of(options.text("device"));
        return new LinuxBlockTarget(device, expectation(options, kernelName(device)), disks, runners, layout, HostCommands.of(options),
                TrustedHost.of(options), options.text("block-trace").equals("yes"));
    }

    /**
     * Why the disk the suite names may not be written, one line per rule; empty when it may. Checked
     * before anything runs, so a refused disk is bad input and nothing is written.
     */
    public static List<String> problems(Options options, LinuxDisks disks, Layout layout) {
        Path device = Path.of(options.text("device"));
        String name = kernelName(device);
        Candidate candidate;
        try {
            candidate = disks.candidate(name);
        } catch (RigBroken e) {
            return List.of("linux-block " + device + ": " + e.getMessage());
        }
        // the guard names the key as a macOS suite spells it; on Linux the media name is the model
        List<Refusal> refusals = DiskGuard.refusals(candidate, expectation(options, name)).stream()
                .map(r -> new Refusal(r.rule(), r.reason().replace("add media-name: ", "add model: "))).toList();
        return Targets.diskProblems("linux-block " + device, refusals, candidate.identity().media().sizeBytes(), layout.total());
    }

    /** The kernel's name for the disk a path names; a /dev/disk/by-id link resolves to it. */
    private static String kernelName(Path device) {
        try {
            return device.toRealPath().getFileName().toString();
        } catch (IOException e) {
            return device.getFileName().toString();
        }
    }

    private static Expectation expectation(Options options, String name) {
        return new Expectation(name, options.optionalText("model").orElse(null), null,
                options.find("size").map(v -> Size.parse(v.text()).bytes()).orElse(null),
                options.optionalText("serial").orElse(null), options.text("may-unmount").equals("yes"));
    }

    @Override
    public String describe() {
        return "linux-block " + device + " (" + expected.mediaName() + ", serial " + expected.serial() + ")"
                + (blockTrace ? "; its requests recorded from the block layer as each cell's command log" : "");
    }

    @Override
    public boolean raw() {
        return true;
    }

    @Override
    public Map<String, String> identity() {
        return identity;
    }

    /** The disk may have changed since the run was checked (unplugged, re-enumerated): it is checked again right before use. */
    @Override
    public void prepare() {
        Candidate candidate = disks.candidate(expected.identifier());
        DiskGuard.require(candidate, expected);
        blockSize = (int) candidate.identity().media().blockSize();
        identity = candidate.identity().fields();
        for (Volume volume : candidate.mounted()) {
            runners.changes().require(Command.of(UNMOUNT, "umount", "/dev/" + volume.identifier()));
        }
    }

    @Override
    public HostCommands hostCommands() {
        return hostCommands;
    }

    /** Before anything else after the reboot: the disk must be the one the run wrote, else the rig changed and there is no verdict. */
    @Override
    public void prepareForResume() {
        Candidate candidate;
        try {
            candidate = disks.candidate(expected.identifier());
        } catch (RigBroken gone) {
            throw new RigBroken("after the reboot, " + device + " cannot be looked at (" + gone.getMessage() + "); "
                    + DiskGuard.CHANGED, gone);
        }
        DiskGuard.requireAfterReboot(candidate, expected);
        blockSize = (int) candidate.identity().media().blockSize();
        identity = candidate.identity().fields();
    }

    @Override
    public Optional<Resumable> resumable() {
        return Optional.of(this);
    }

    @Override
    public Device open(Cell cell, Path dir, Evidence evidence) {
        Device raw = RawDisk.throughDriver(device, layout, blockSize, trusted, " with O_DIRECT at each file's device offset"
                + " (the page cache is bypassed; the driver's and the device's own caches are not)").device(cell);
        if (!blockTrace) {
            return raw;
        }
        // a dry run changes nothing on the host, a tracefs instance included; the target's description says what would be recorded
        if (runners.changes().prints()) {
            return raw;
        }
        Optional<String> unavailable = BlockTrace.unavailable();
        if (unavailable.isPresent()) {
            evidence.attachText("command log", "no command log for this cell: " + unavailable.get()
                    + "; the diagnosis names what it could not judge without one (or set block-trace: no)");
            return raw;
        }
        return new BlockTracedDevice(raw, device.toString(), dir);
    }

    /** Files lie raw at device offsets: nothing is mounted, so the device is back as soon as its identity is confirmed. */
    @Override
    public Device reopen(Cell cell, Path dir, Evidence evidence) {
        return open(cell, dir, evidence);
    }

    @Override
    public void close() {
    }
}
