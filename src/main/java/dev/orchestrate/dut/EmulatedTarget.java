package dev.orchestrate.dut;

import dev.orchestrate.emulator.Emulator;
import dev.orchestrate.fault.Fault;
import dev.orchestrate.host.Extents;
import dev.orchestrate.host.HostCheck;
import dev.orchestrate.host.Packages;
import dev.orchestrate.host.PageCache;
import dev.orchestrate.host.StateDir;
import dev.orchestrate.outcome.NotRunnable;
import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.process.Command;
import dev.orchestrate.report.Evidence;
import dev.orchestrate.suite.Cell;
import dev.orchestrate.suite.Size;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The embedded default target: per cell a fresh emulated controller and media image, exported
 * over FUSE, attached with a loop device, formatted and mounted. Tools copy onto the mounted
 * volume; verification reads the media image directly through each file's extent map.
 */
public final class EmulatedTarget implements Target, Mountable, Ejectable, Rebootable, Resumable, PowerSwitch, Purgeable, FaultInjection, CommandLogged {

    public static final String MEDIA = "media.img";
    public static final String COMMAND_LOG = CommandLogged.FILE;

    private final Emulator.Settings settings;
    private final boolean rebootEndsProcess;
    private Emulator emulator;
    private Path cellDir;
    /** Extent maps taken before the volume went away, by file name: the fallback when a file cannot be mapped now. */
    private final Map<String, List<Extent>> captured = new HashMap<>();

    /** @param rebootEndsProcess whether a reboot ends the run's process, to be resumed (target key {@code reboot: resume}) */
    public EmulatedTarget(Emulator.Settings settings, boolean rebootEndsProcess) {
        this.settings = settings;
        this.rebootEndsProcess = rebootEndsProcess;
    }

    @Override
    public String describe() {
        return "emulated controller: " + settings.fileSystem() + " on a " + new Size(settings.mediaSize()) + " disk with a "
                + new Size(settings.cacheSize()) + " volatile write cache, exported over FUSE and a loop device"
                + (settings.mountOptions().isBlank() ? "" : ", mounted with " + settings.mountOptions());
    }

    @Override
    public boolean raw() {
        return false;
    }

    @Override
    public boolean perCell() {
        return true;
    }

    /** Cleans what killed runs left, and skips every cell with the reason when this host cannot run the emulator. */
    @Override
    public void prepare() {
        StateDir.stale(false).stream().map(StateDir::clean).filter(c -> !c.failed().isEmpty()).findFirst().ifPresent(c -> {
            throw new RigBroken("what a killed run left under " + StateDir.ROOT + " could not be torn down: " + String.join("; ", c.failed())
                    + "; see 'orchestrate cleanup'");
        });
        HostCheck.emulator(settings.fileSystem(), Emulator.fuseLibrary().orElse(null), Packages.installsAllowed()).ifPresent(reason -> {
            throw new NotRunnable(reason);
        });
    }

    @Override
    public void beforeCell(Cell cell, Path dir, Evidence evidence) {
        cellDir = dir;
        captured.clear();
        emulator = new Emulator(StateDir.create(), dir.resolve(MEDIA), dir.resolve(COMMAND_LOG), settings);
        emulator.create();
    }

    @Override
    public Placement place(Cell cell, int index) {
        return new Placement(live().volume().resolve("file-" + index + ".bin"), -1, 512);
    }

    @Override
    public ReadBack readBack(Cell cell, int index, String name) {
        Path file = place(cell, index, name).path();
        if (!emulator.mounted()) {
            return ReadBack.mapped(emulator.media(), captured.getOrDefault(file.getFileName().toString(), List.of()), 512);
        }
        if (!Files.exists(file)) {
            // lost from the file system (or unreadable): whatever its old blocks hold, the file is gone
            return ReadBack.absent(emulator.media(), file, captured.getOrDefault(file.getFileName().toString(), List.of()), 512);
        }
        return ReadBack.mapped(emulator.media(), map(file, false), 512);
    }

    /** Each cell has a device of its own, so its region is the whole media image. */
    @Override
    public Region region(Cell cell, boolean wholeDevice) {
        return new Region(live().media(), 0, settings.mediaSize(), 512, "the cell's own device, read as its media image");
    }

    @Override
    public void afterCell(Cell cell, List<Placement> placements, boolean passed, Evidence evidence) {
        if (emulator == null) {
            return;
        }
        Emulator done = emulator;
        emulator = null;
        try {
            done.close();
        } finally {
            if (passed) {
                delete(cellDir.resolve(MEDIA));
            }
        }
        done.failure().ifPresent(e -> {
            throw RigBroken.taintingVerdict(e instanceof RigBroken ? e.getMessage() : "the emulated controller failed internally and answered EIO: " + e, e);
        });
    }

    @Override
    public void unmount() {
        capture(true);
        live().unmountVolume();
    }

    @Override
    public void mount() {
        live().mountVolume();
    }

    @Override
    public boolean mounted() {
        return emulator != null && emulator.mounted();
    }

    @Override
    public void eject() {
        capture(true);
        live().eject();
    }

    @Override
    public void reboot() {
        capture(true);
        live().reboot();
    }

    /** Only a reboot can end the process here ({@code reboot: resume}); the emulator's power cut always comes back within the run. */
    @Override
    public boolean endsProcess(Boundary boundary) {
        return boundary == Boundary.REBOOT && rebootEndsProcess;
    }

    /**
     * The clean shutdown half of a reboot: the volume is unmounted, the loop device detached and the
     * controller shut down (destaging its cache unless a fault says otherwise), and this process lets
     * go of the device; the media image and the command log stay in the cell's directory for the resume.
     */
    @Override
    public void shutDownFor(Boundary boundary) {
        capture(true);
        Emulator done = emulator;
        emulator = null;
        done.close();
        done.failure().ifPresent(e -> {
            throw RigBroken.taintingVerdict("the emulated controller failed internally before the reboot: " + e, e);
        });
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
    public void resumeCell(Cell cell, Path dir, Evidence evidence) {
        Path media = dir.resolve(MEDIA);
        if (!Files.isRegularFile(media)) {
            throw new RigBroken("the media image " + media + " that the reboot kept is not there; the cell cannot go on after the reboot");
        }
        cellDir = dir;
        captured.clear();
        emulator = new Emulator(StateDir.create(), media, dir.resolve(COMMAND_LOG), settings);
        emulator.resume();
    }

    /** The extent map is taken as it stands at the cut, without writing anything back first. */
    @Override
    public void powerCut() {
        capture(false);
        live().powerCut();
    }

    @Override
    public void purge() {
        live().dropBuffers();
        PageCache.dropClean();
    }

    @Override
    public Path commandLog() {
        live().flushLog();
        return cellDir.resolve(COMMAND_LOG);
    }

    @Override
    public void markStep(String title) {
        live().markStep(title);
    }

    @Override
    public void arm(Fault fault) {
        live().arm(fault);
    }

    @Override
    public void close() {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }

    private Emulator live() {
        if (emulator == null) {
            throw new IllegalStateException("no emulated device outside a cell");
        }
        return emulator;
    }

    /** Maps every file on the volume, before it goes away; {@code sync} writes delayed allocations back first (unmount would anyway). */
    private void capture(boolean sync) {
        if (!emulator.mounted()) {
            return;
        }
        try (Stream<Path> files = Files.list(emulator.volume())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                captured.put(f.getFileName().toString(), map(f, sync));
            }
        } catch (IOException e) {
            throw new RigBroken("cannot list " + emulator.volume() + " to map its files: " + e.getMessage(), e);
        }
    }

    /** Where a file's bytes lie on the emulated device. */
    private List<Extent> map(Path file, boolean sync) {
        List<Extent> extents = Extents.of(file, sync);
        return settings.fileSystem().equals("btrfs") ? Extents.onBtrfsDevice(extents, emulator.device()) : extents;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new RigBroken("cannot remove " + file + ": " + e.getMessage(), e);
        }
    }
}
