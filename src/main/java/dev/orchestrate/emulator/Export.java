package dev.orchestrate.emulator;

import dev.orchestrate.host.FuseConnections;
import dev.orchestrate.host.Mounts;
import dev.orchestrate.host.StateDir;
import dev.orchestrate.outcome.RigBroken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.cryptomator.jfuse.api.Fuse;
import org.cryptomator.jfuse.api.FuseBuilder;
import org.cryptomator.jfuse.api.FuseMountFailedException;

/** The controller's disk file served over FUSE (jfuse and libfuse3) at a mount point of this run. */
final class Export implements AutoCloseable {

    private static final List<Path> LIBRARY_DIRS = List.of(Path.of("/usr/lib/x86_64-linux-gnu"), Path.of("/lib/x86_64-linux-gnu"),
            Path.of("/usr/lib/aarch64-linux-gnu"), Path.of("/usr/lib64"), Path.of("/usr/lib"), Path.of("/usr/local/lib"));

    private final Path mountPoint;
    private final Path control;
    private final Fuse fuse;
    private final long connection;

    private Export(StateDir state, Fuse fuse) {
        this.mountPoint = state.fuse();
        this.control = state.control();
        this.fuse = fuse;
        this.connection = FuseConnections.connection(state.fuse());
    }

    /** Serves the disk at {@code state}'s FUSE mount point; its fusectl point is where an abort mounts fusectl if the host has not. */
    static Export mount(StateDir state, Supplier<Controller> controller, Consumer<Throwable> failures) {
        Path mountPoint = state.fuse();
        FuseBuilder builder = Fuse.builder();
        builder.setLibraryPath(library().orElseThrow(() -> new RigBroken(
                "libfuse3 is not installed (no libfuse3.so.3 in " + LIBRARY_DIRS + "); apt-get install fuse3 libfuse3-3")).toString());
        Fuse fuse = builder.build(new DiskFile(controller, builder.errno(), failures));
        try {
            fuse.mount("orchestrate", mountPoint, "-o", "fsname=orchestrate-emulator", "-o", "subtype=orchestrate");
        } catch (FuseMountFailedException | RuntimeException e) {
            throw new RigBroken("cannot serve the emulated disk over FUSE at " + mountPoint + ": " + e.getMessage(), e);
        }
        return new Export(state, fuse);
    }

    static Optional<Path> library() {
        return LIBRARY_DIRS.stream().map(d -> d.resolve("libfuse3.so.3")).filter(Files::exists).findFirst();
    }

    Path disk() {
        return mountPoint.resolve(DiskFile.NAME);
    }

    /** Fails every pending and future request at once: power is gone, or the daemon hangs. */
    void abort() {
        FuseConnections.abort(connection, control);
    }

    /**
     * Only after the loop device on the disk file is detached: jfuse waits for the session to end.
     * After an abort the kernel keeps the dead mount listed; it is removed here, so the device can
     * be served again at the same point.
     */
    @Override
    public void close() {
        try {
            fuse.close();
        } catch (TimeoutException e) {
            throw new RigBroken("the FUSE session at " + mountPoint + " did not end within 10 s", e);
        } finally {
            Mounts.release(mountPoint);
        }
    }
}
