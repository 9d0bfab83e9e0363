package dev.orchestrate.dut;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrate.emulator.Emulator;
import dev.orchestrate.fault.Fault;
import dev.orchestrate.host.Extents;
import dev.orchestrate.host.PageCache;
import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.suite.Cell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * One cell's emulated controller and media image, exported over FUSE, attached with a loop device,
 * formatted and mounted. Tools copy onto the mounted volume; verification reads the media image
 * directly through each file's extent map.
 */
final class EmulatedDevice implements Device, Mountable, Ejectable, Rebootable, PowerSwitch, Purgeable, FaultInjection, CommandLogged {

    private final Cell cell;
    private final Path dir;
    private final Emulator emulator;
    private final Emulator.Settings settings;
    private final OptionalLong maxTransfer;
    /**
     * Extent maps taken before the volume went away, by file name: the fallback when a file cannot be
     * mapped now. Kept in the cell's directory too, so that a resume after a reboot that ended the
     * process still knows where a file that the reboot lost lay.
     */
    private final Map<String, List<Extent>> captured = new HashMap<>();
    /** Where {@link #captured} is kept across a reboot that ends the process. */
    private static final String CAPTURED = "extent-maps.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param maxTransfer the maximum transfer the controller publishes, when the suite gives one */
    EmulatedDevice(Cell cell, Path dir, Emulator emulator, Emulator.Settings settings, OptionalLong maxTransfer) {
        this.cell = cell;
        this.dir = dir;
        this.emulator = emulator;
        this.settings = settings;
        this.maxTransfer = maxTransfer;
        Path kept = dir.resolve(CAPTURED);
        if (Files.isRegularFile(kept)) {
            try {
                captured.putAll(JSON.readValue(kept.toFile(), new TypeReference<Map<String, List<Extent>>>() { }));
            } catch (IOException e) {
                throw new RigBroken("cannot read the extent maps kept before the reboot in " + kept + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public Cell cell() {
        return cell;
    }

    @Override
    public OptionalLong maxTransfer() {
        return maxTransfer;
    }

    @Override
    public Placement place(int index) {
        return new Placement(emulator.volume().resolve("file-" + index + ".bin"), -1, 512);
    }

    @Override
    public ReadBack readBack(int index, String name) {
        Path file = place(index, name).path();
        List<Extent> lastKnown = captured.getOrDefault(file.getFileName().toString(), List.of());
        if (!emulator.mounted()) {
            return ReadBack.mapped(emulator.media(), lastKnown, 512);
        }
        if (!Files.exists(file)) {
            // lost from the file system (or unreadable): whatever its old blocks hold, the file is gone
            return ReadBack.absent(emulator.media(), file, lastKnown, 512);
        }
        return ReadBack.mapped(emulator.media(), map(file, false), 512);
    }

    /** Each cell has a device of its own, so its region is the whole media image. */
    @Override
    public Region region(boolean wholeDevice) {
        return new Region(emulator.media(), 0, settings.mediaSize(), 512, "the cell's own device, read as its media image");
    }

    /**
     * The clean shutdown half of a reboot that ends the process: the volume is unmounted, the loop
     * device detached and the controller shut down (destaging its cache unless a fault says otherwise),
     * and this process lets go of the device; the media image and the command log stay in the cell's
     * directory for the resume.
     */
    @Override
    public void shutDownFor(Resumable.Boundary boundary) {
        capture(true);
        emulator.close();
        emulator.failure().ifPresent(e -> {
            throw RigBroken.taintingVerdict("the emulated controller failed internally before the reboot: " + e, e);
        });
    }

    /** A passed cell's media image is removed; a failed or broken cell's is kept as evidence, in its stored form ({@link KeptMedia}). */
    @Override
    public void close(boolean passed, List<Placement> placements) {
        try {
            emulator.close();
        } finally {
            if (passed) {
                delete(dir.resolve(EmulatedTarget.MEDIA));
            } else {
                KeptMedia.store(dir.resolve(EmulatedTarget.MEDIA));
            }
        }
        emulator.failure().ifPresent(e -> {
            throw RigBroken.taintingVerdict(e instanceof RigBroken ? e.getMessage()
                    : "the emulated controller failed internally and answered EIO: " + e, e);
        });
    }

    @Override
    public void unmount() {
        capture(true);
        emulator.unmountVolume();
    }

    @Override
    public void mount() {
        emulator.mountVolume();
    }

    @Override
    public boolean mounted() {
        return emulator.mounted();
    }

    @Override
    public void eject() {
        capture(true);
        emulator.eject();
    }

    @Override
    public void reboot() {
        capture(true);
        emulator.reboot();
    }

    /** The extent map is taken as it stands at the cut, without writing anything back first. */
    @Override
    public void powerCut() {
        capture(false);
        emulator.powerCut();
    }

    @Override
    public void purge() {
        emulator.dropBuffers();
        PageCache.dropClean();
    }

    @Override
    public Path commandLog() {
        emulator.flushLog();
        return dir.resolve(FILE);
    }

    @Override
    public void markStep(String title) {
        emulator.markStep(title);
    }

    @Override
    public void arm(Fault fault) {
        emulator.arm(fault);
    }

    /** Maps every file on the volume, before it goes away; {@code sync} writes delayed allocations back first (unmount would anyway). */
    private void capture(boolean sync) {
        if (!emulator.mounted()) {
            return;
        }
        try (Stream<Path> files = Files.list(emulator.volume())) {
            Extents.of(files.filter(Files::isRegularFile).toList(), sync)
                    .forEach((f, extents) -> captured.put(f.getFileName().toString(), onDevice(extents)));
        } catch (IOException e) {
            throw new RigBroken("cannot list " + emulator.volume() + " to map its files: " + e.getMessage(), e);
        }
        try {
            JSON.writeValue(dir.resolve(CAPTURED).toFile(), captured);
        } catch (IOException e) {
            throw new RigBroken("cannot keep the extent maps in " + dir.resolve(CAPTURED) + ": " + e.getMessage(), e);
        }
    }

    /** Where a file's bytes lie on the emulated device. */
    private List<Extent> map(Path file, boolean sync) {
        return onDevice(Extents.of(file, sync));
    }

    /** The file system's extents at the device's offsets: btrfs reports its own logical addresses. */
    private List<Extent> onDevice(List<Extent> extents) {
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
