package dev.orchestrate.dut;

import dev.orchestrate.emulator.Emulator;
import dev.orchestrate.host.BlockTrace;
import dev.orchestrate.host.FileSystems;
import dev.orchestrate.host.HostCheck;
import dev.orchestrate.host.Packages;
import dev.orchestrate.host.Platform;
import dev.orchestrate.host.StateDir;
import dev.orchestrate.outcome.NotRunnable;
import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.process.Command;
import dev.orchestrate.report.Evidence;
import dev.orchestrate.suite.Cell;
import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Problem;
import dev.orchestrate.suite.Section;
import dev.orchestrate.suite.Size;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The embedded default target: per cell a fresh emulated controller and media image
 * ({@link EmulatedDevice}), exported over FUSE, attached with a loop device, formatted and mounted.
 */
public final class EmulatedTarget implements Target, Resumable {

    /** The media image's file name in a cell's directory: the record of what reached the emulated disk. */
    public static final String MEDIA = "media.img";

    /** With {@code block-trace: yes}, the block layer's record of the loop device's requests, beside the controller's command log. */
    public static final String BLOCK_TRACE = "block-trace.jsonl";

    /** The emulated kind: its keys, and the checks of a suite that names it. */
    static final class Kind implements TargetKind {

        @Override
        public String name() {
            return "emulated";
        }

        @Override
        public Section.Variant variant() {
            return new Section.Variant("the embedded emulated storage controller: per cell a fresh media image behind a volatile "
                    + "write cache, exported over FUSE, attached with a loop device, formatted and mounted; needs Linux and root",
                    Stream.concat(Stream.of(Key.choice("file-system", "ext4", FileSystems.KINDS, "the file system made on the device"),
                            Key.optional("size", Key.Type.SIZE, "1GiB", "the size of the emulated disk (the media image is sparse)"),
                            Key.optional("cache", Key.Type.SIZE, "256MiB",
                                    "the controller's volatile write cache; when full it destages, and from 32 MiB dirty it writes behind"),
                            Key.optional("mount-options", Key.Type.TEXT, "",
                                    "options for mount -o, e.g. nobarrier (the file system then sends no flushes)"),
                            Key.optional("watchdog", Key.Type.DURATION, "60s",
                                    "a command unanswered for longer than this aborts the FUSE connection and breaks the cell"),
                            Key.choice("reboot", "in-process", List.of("in-process", "resume"),
                                    "in-process: a reboot step shuts the device down cleanly and brings it back within the run; "
                                            + "resume: it shuts the device down, keeps the media image and ends the run "
                                            + "(exit 4), as a real host reboot would, and 'orchestrate resume' continues it"),
                            Key.choice("block-trace", "no", List.of("no", "yes"),
                                    "yes: also record the loop device's requests as the kernel's block layer traces them, into "
                                            + BLOCK_TRACE + " beside the controller's own command log (the way a lab disk is logged)")),
                            PublishedLimits.KEYS.stream()).toList());
        }

        @Override
        public Set<Ability> abilities() {
            return EnumSet.complementOf(EnumSet.of(Ability.DISK_OPERATIONS));
        }

        @Override
        public Target open(Opening at) {
            Options o = at.options();
            Optional<PublishedLimits> limits = PublishedLimits.given(o) ? Optional.of(PublishedLimits.of(o)) : Optional.empty();
            return new EmulatedTarget(new Emulator.Settings(o.size("size"), o.size("cache"), o.text("file-system"), o.text("mount-options"),
                    o.duration("watchdog"), limits.map(PublishedLimits::request).orElse(0L)), o.text("reboot").equals("resume"), limits,
                    o.text("block-trace").equals("yes"));
        }

        @Override
        public List<Platform> platforms() {
            return List.of(Platform.LINUX);
        }

        @Override
        public Optional<String> hostGap(Options target) {
            return HostCheck.emulatorAsIs(target.text("file-system"), Emulator.fuseLibrary().orElse(null))
                    .or(() -> target.text("block-trace").equals("yes") ? BlockTrace.unavailable() : Optional.empty());
        }

        @Override
        public boolean readsMedia() {
            return true;
        }

        /** Published limits the loop device cannot take are bad input. */
        @Override
        public List<Problem> keyProblems(Options target) {
            return PublishedLimits.problems(target);
        }

        /**
         * Each emulated cell has a disk of its own: the largest cell's files must fit on it, besides the
         * file system's own metadata, or the copy breaks with ENOSPC half way.
         */
        @Override
        public Optional<String> capacityProblem(Options target, List<Layout.Need> needs) {
            long disk = target.size("size");
            return needs.stream().filter(n -> n.bytes() > disk).max(Comparator.comparingLong(Layout.Need::bytes))
                    .map(n -> "the emulated disk of " + new Size(disk) + " cannot hold a cell's " + n.files() + " file"
                            + (n.files() == 1 ? "" : "s")
                            + " of up to " + new Size(n.largest()) + " (" + Size.grouped(n.bytes()) + " bytes, before the file system's own"
                            + " metadata); raise the target's 'size' (the media image is sparse) or make the files smaller");
        }
    }

    private final Emulator.Settings settings;
    private final boolean rebootEndsProcess;
    private final Optional<PublishedLimits> limits;
    private final boolean blockTrace;

    /**
     * @param rebootEndsProcess whether a reboot ends the run's process, to be resumed (target key {@code reboot: resume})
     * @param limits the transfer limits the controller publishes, when the suite gives them
     * @param blockTrace whether the block layer's trace of the loop device is recorded too
     */
    EmulatedTarget(Emulator.Settings settings, boolean rebootEndsProcess, Optional<PublishedLimits> limits, boolean blockTrace) {
        this.settings = settings;
        this.rebootEndsProcess = rebootEndsProcess;
        this.limits = limits;
        this.blockTrace = blockTrace;
    }

    @Override
    public String describe() {
        return "emulated controller: " + settings.fileSystem() + " on a " + new Size(settings.mediaSize()) + " disk with a "
                + new Size(settings.cacheSize()) + " volatile write cache, exported over FUSE and a loop device"
                + limits.map(l -> ", publishing a maximum transfer of " + new Size(l.maxTransfer())).orElse("")
                + (settings.mountOptions().isBlank() ? "" : ", mounted with " + settings.mountOptions())
                + (blockTrace ? "; the loop device's requests traced by the block layer into " + BLOCK_TRACE : "");
    }

    @Override
    public boolean raw() {
        return false;
    }

    /** The emulated disk's make, and the limits its controller publishes under their registry names. */
    @Override
    public Map<String, String> identity() {
        Map<String, String> identity = new LinkedHashMap<>();
        identity.put("Kind", "emulated controller");
        identity.put("Disk Size", Long.toString(settings.mediaSize()));
        identity.put("Write Cache", Long.toString(settings.cacheSize()));
        identity.put("File System", settings.fileSystem());
        limits.ifPresent(l -> identity.putAll(l.registry().fields()));
        return identity;
    }

    @Override
    public boolean perCell() {
        return true;
    }

    /** Cleans what killed runs left, and skips every cell with the reason when this host cannot run the emulator. */
    @Override
    public void prepare() {
        StateDir.stale(false).stream().map(StateDir::clean).filter(c -> !c.failed().isEmpty()).findFirst().ifPresent(c -> {
            throw new RigBroken("what a killed run left under " + StateDir.ROOT + " could not be torn down: "
                    + String.join("; ", c.failed()) + "; see 'orchestrate cleanup'");
        });
        HostCheck.emulator(settings.fileSystem(), Emulator.fuseLibrary().orElse(null), Packages.installsAllowed()).ifPresent(reason -> {
            throw new NotRunnable(reason);
        });
    }

    @Override
    public Device open(Cell cell, Path dir, Evidence evidence) {
        limits.ifPresent(l -> evidence.attachText("published limits", l.text()));
        Emulator emulator = emulator(dir, dir.resolve(MEDIA));
        return started(emulator, emulator::create, cell, dir);
    }

    @Override
    public Optional<Resumable> resumable() {
        return Optional.of(this);
    }

    /** Only a reboot can end the process here ({@code reboot: resume}); the emulator's power cut always comes back within the run. */
    @Override
    public boolean endsProcess(Boundary boundary) {
        return boundary == Boundary.REBOOT && rebootEndsProcess;
    }

    /** The emulated reboot is simulated: this process stops, and the test or a person runs {@code orchestrate resume}. */
    @Override
    public Optional<Command> hostCommand(Boundary boundary) {
        return Optional.empty();
    }

    /** Each cell gets its own device: there is nothing from before the reboot to spare. */
    @Override
    public void prepareForResume() {
        prepare();
    }

    /** A new device over the media image the reboot kept, with the cell's command log going on where it stopped. */
    @Override
    public Device reopen(Cell cell, Path dir, Evidence evidence) {
        Path media = dir.resolve(MEDIA);
        if (!Files.isRegularFile(media)) {
            throw new RigBroken("the media image " + media + " that the reboot kept is not there; the cell cannot go on after the reboot");
        }
        Emulator emulator = emulator(dir, media);
        return started(emulator, emulator::resume, cell, dir);
    }

    private Emulator emulator(Path dir, Path media) {
        Emulator emulator = new Emulator(StateDir.create(), media, dir.resolve(CommandLogged.FILE), settings);
        if (blockTrace) {
            emulator.traceBlockLayer(dir.resolve(BLOCK_TRACE));
        }
        return emulator;
    }

    /** The cell's device once {@code start} brought it up; what a failed start left is torn down, as a cell's teardown would. */
    private Device started(Emulator emulator, Runnable start, Cell cell, Path dir) {
        try {
            start.run();
        } catch (RuntimeException e) {
            try {
                emulator.close();
            } catch (RuntimeException teardown) {
                e.addSuppressed(teardown);
            }
            throw e;
        }
        return new EmulatedDevice(cell, dir, emulator, settings,
                limits.map(l -> OptionalLong.of(l.maxTransfer())).orElse(OptionalLong.empty()));
    }

    /** Every cell's device was closed with its cell: nothing of the target's own is left. */
    @Override
    public void close() {
    }
}
