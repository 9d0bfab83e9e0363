package dev.orchestrate.emulator;

import dev.orchestrate.fault.Fault;
import dev.orchestrate.host.BlockTrace;
import dev.orchestrate.host.FileSystems;
import dev.orchestrate.host.Loop;
import dev.orchestrate.host.Mounts;
import dev.orchestrate.host.StateDir;
import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.trace.Op;
import dev.orchestrate.trace.TraceWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One emulated device under the host: controller, FUSE export, loop device, file system and mount,
 * set up and torn down in the only safe order (volume, loop device, FUSE, controller). It moves
 * through the lifecycle steps (unmount, mount, eject, reboot, power cut) and always ends torn down.
 */
public final class Emulator implements AutoCloseable {

    /**
     * How the device is built: media and cache sizes, the file system on it and its mount options,
     * how long a command may stay unanswered before the watchdog aborts the FUSE connection, and the
     * longest request the host may send it (0: what the loop device itself takes).
     */
    public record Settings(long mediaSize, long cacheSize, String fileSystem, String mountOptions, Duration watchdog, long maxTransfer) {
    }

    private final StateDir state;
    private final Settings settings;
    private final Media media;
    private final TraceWriter trace;
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private volatile Controller controller;
    private Export export;
    private Loop loop;
    private Optional<TraceWriter> blockLog = Optional.empty();
    private Optional<BlockTrace> blockTrace = Optional.empty();
    private long sessions;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    public Emulator(StateDir state, Path mediaFile, Path commandLog, Settings settings) {
        this.state = state;
        this.settings = settings;
        try {
            this.media = new Media(mediaFile, settings.mediaSize());
        } catch (IOException e) {
            throw new RigBroken(e.getMessage(), e);
        }
        this.trace = new TraceWriter(commandLog);
    }

    /** libfuse3 on this host, if installed. */
    public static Optional<Path> fuseLibrary() {
        return Export.library();
    }

    /**
     * From the next power-on, also records what the loop device's driver is given, as the block layer
     * traces it, into {@code file}: a second log beside the controller's, to check one against the other.
     */
    public void traceBlockLayer(Path file) {
        blockLog = Optional.of(new TraceWriter(file));
    }

    /** Powers on, formats and mounts: a fresh device with an empty file system. */
    public void create() {
        powerOn();
        FileSystems.make(settings.fileSystem(), loop.device());
        mountVolume();
    }

    /**
     * Powers on over the media image as an earlier process left it (its file system made, its
     * cache destaged or lost at the reboot) and mounts it: the device coming back after a reboot.
     */
    public void resume() {
        mountVolume();
    }

    public Path volume() {
        return state.volume();
    }

    /**
     * The media image, once no block is being written behind, so that a read of it that follows the host's last write
     * finds every write whole; writes that arrive later may start writing behind again.
     */
    public Path media() {
        Controller running = controller;
        if (running != null) {
            running.settled();
        }
        return media.file();
    }

    public boolean mounted() {
        return Mounts.mounted(state.volume());
    }

    /** Writes out the command log so far, for a reader in the middle of a cell. */
    public void flushLog() {
        trace.flush();
        blockTrace.ifPresent(BlockTrace::sync);
    }

    /** The loop device the volume sits on, while attached. */
    public String device() {
        if (loop == null) {
            throw new IllegalStateException("the emulated device is not attached");
        }
        return loop.device();
    }

    /** The first internal error of the controller, if any: then the rig, not the device, failed. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure.get());
    }

    /** From now on, until the cell ends, the controller applies {@code fault}, across reboots. */
    public void arm(Fault fault) {
        faults.add(fault);
        if (controller != null) {
            controller.armed();
        }
        trace.log(Op.FAULT, 0, 0, 0, fault.describe());
    }

    /** Writes a STEP mark into the command log: the commands after it belong to that step. */
    public void markStep(String title) {
        trace.log(Op.STEP, 0, 0, 0, title);
        blockTrace.ifPresent(t -> t.mark(title));
    }

    public List<String> faults() {
        return faults.stream().map(Fault::describe).toList();
    }

    public void mountVolume() {
        if (loop == null) {
            powerOn();
        }
        Mounts.mount(loop.device(), state.volume(), settings.fileSystem(), settings.mountOptions());
    }

    public void unmountVolume() {
        if (mounted()) {
            Mounts.unmount(state.volume());
        }
    }

    /** Unmount, detach, controller released (destaging unless a fault says otherwise). */
    public void eject() {
        unmountVolume();
        detach();
        powerOff(false);
    }

    /** The clean shutdown path, then power on and mount again. */
    public void reboot() {
        eject();
        mountVolume();
    }

    /**
     * Drops what was never destaged, cuts the host off mid-flight, then recovers and mounts again
     * (the file system replays its journal).
     */
    public void powerCut() {
        if (controller != null) {
            controller.powerCut();
        }
        if (export != null) {
            export.abort();
        }
        if (mounted()) {
            Mounts.detachLazily(state.volume());
        }
        detach();
        powerOff(true);
        mountVolume();
    }

    /** Drops the loop device's own buffer cache, so the next read reaches the controller. */
    public void dropBuffers() {
        if (loop != null) {
            loop.flushBuffers();
        }
    }

    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        run(failures, this::unmountVolume);
        run(failures, this::detach);
        run(failures, () -> powerOff(false));
        run(failures, () -> {
            StateDir.Cleanup c = state.clean();
            if (!c.failed().isEmpty()) {
                throw new RigBroken("teardown left behind: " + String.join("; ", c.failed()));
            }
        });
        run(failures, trace::close);
        blockLog.ifPresent(log -> run(failures, log::close));
        run(failures, () -> {
            try {
                media.close();
            } catch (IOException e) {
                throw new RigBroken("cannot close the media image: " + e.getMessage(), e);
            }
        });
        if (!failures.isEmpty()) {
            RuntimeException first = failures.getFirst();
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
    }

    private void powerOn() {
        controller = new Controller(media, settings.cacheSize(), trace, faults, ++sessions, e -> failure.compareAndSet(null, e));
        export = Export.mount(state, () -> controller, e -> failure.compareAndSet(null, e));
        loop = Loop.attach(export.disk(), settings.maxTransfer());
        blockTrace = blockLog.map(log -> BlockTrace.start(loop.device(), log));
        watch(controller, export);
    }

    /**
     * A hung controller would leave the host's I/O in D state for ever and stall writers
     * machine-wide. The watchdog aborts the FUSE connection when a command stays unanswered
     * too long: pending I/O then fails, teardown works, and the cell is reported broken.
     */
    private void watch(Controller watched, Export exported) {
        Thread.ofPlatform().daemon().name("watchdog-" + state.path().getFileName()).start(() -> {
            while (controller == watched) {
                if (watched.oldestInFlight().compareTo(settings.watchdog()) > 0) {
                    failure.compareAndSet(null, new RigBroken("the watchdog aborted the FUSE connection: "
                            + "a command was unanswered for more than "
                            + settings.watchdog().toSeconds() + " s"));
                    exported.abort();
                    return;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    private void detach() {
        if (loop != null) {
            Loop l = loop;
            loop = null;
            try {
                l.detach();
            } finally {
                // after the detach: the loop device's last flush is in the trace
                Optional<BlockTrace> traced = blockTrace;
                blockTrace = Optional.empty();
                traced.ifPresent(BlockTrace::close);
            }
        }
    }

    /** After a power cut the controller is already dead; otherwise it shuts down cleanly. */
    private void powerOff(boolean cut) {
        if (controller != null && !cut) {
            controller.shutdown();
        }
        if (export != null) {
            Export e = export;
            export = null;
            e.close();
        }
        if (controller != null) {
            controller.close();
            controller = null;
        }
    }

    private static void run(List<RuntimeException> failures, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }
}
