package dev.orchestrate.emulator;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.cryptomator.jfuse.api.DirFiller;
import org.cryptomator.jfuse.api.Errno;
import org.cryptomator.jfuse.api.FileInfo;
import org.cryptomator.jfuse.api.FuseConfig;
import org.cryptomator.jfuse.api.FuseConnInfo;
import org.cryptomator.jfuse.api.FuseOperations;
import org.cryptomator.jfuse.api.Stat;

/**
 * The FUSE file system the controller is exported through: a root directory holding one file,
 * {@value #NAME}, whose bytes are the device. Every call on that file is a command to the controller.
 */
final class DiskFile implements FuseOperations {

    static final String NAME = "disk";
    private static final String PATH = "/" + NAME;

    private final Supplier<Controller> controller;
    private final Errno errno;
    private final Consumer<Throwable> failures;

    /**
     * @param controller the controller now powered on
     * @param failures where internal errors go (they break the rig)
     */
    DiskFile(Supplier<Controller> controller, Errno errno, Consumer<Throwable> failures) {
        this.controller = controller;
        this.errno = errno;
        this.failures = failures;
    }

    @Override
    public Errno errno() {
        return errno;
    }

    @Override
    public Set<Operation> supportedOperations() {
        return EnumSet.of(Operation.INIT, Operation.GET_ATTR, Operation.OPEN_DIR, Operation.READ_DIR, Operation.RELEASE_DIR,
                Operation.OPEN, Operation.READ, Operation.WRITE, Operation.FLUSH, Operation.FSYNC, Operation.RELEASE,
                Operation.TRUNCATE, Operation.STATFS);
    }

    /**
     * The kernel's writeback cache would hold writes outside the controller's model: keep it off.
     * Allow more requests in flight than the default 12, as a controller's queue depth would.
     */
    @Override
    public void init(FuseConnInfo conn, FuseConfig cfg) {
        conn.setWant(conn.want() & ~FuseConnInfo.FUSE_CAP_WRITEBACK_CACHE);
        conn.setMaxBackground(64);
        conn.setCongestionThreshold(48);
    }

    @Override
    public int getattr(String path, Stat stat, FileInfo fi) {
        if (path.equals("/")) {
            stat.setMode(Stat.S_IFDIR | 0755);
            stat.setNLink((short) 2);
            return 0;
        }
        if (path.equals(PATH)) {
            stat.setMode(Stat.S_IFREG | 0600);
            stat.setNLink((short) 1);
            return guard(() -> {
                stat.setSize(controller.get().size());
                return 0;
            });
        }
        return -errno.enoent();
    }

    @Override
    public int opendir(String path, FileInfo fi) {
        return path.equals("/") ? 0 : -errno.enoent();
    }

    @Override
    public int readdir(String path, DirFiller filler, long offset, FileInfo fi, int flags) {
        if (!path.equals("/")) {
            return -errno.enoent();
        }
        try {
            filler.fill(".");
            filler.fill("..");
            filler.fill(NAME);
        } catch (IOException e) {
            return -errno.eio();
        }
        return 0;
    }

    @Override
    public int releasedir(String path, FileInfo fi) {
        return 0;
    }

    @Override
    public int open(String path, FileInfo fi) {
        if (!path.equals(PATH)) {
            return -errno.enoent();
        }
        return guard(() -> {
            controller.get().open();
            return 0;
        });
    }

    @Override
    public int read(String path, ByteBuffer buf, long count, long offset, FileInfo fi) {
        return guard(() -> {
            long length = Math.max(0, Math.min(count, controller.get().size() - offset));
            int result = controller.get().read(offset, MemorySegment.ofBuffer(buf), length);
            return result < 0 ? result : (int) length;
        });
    }

    @Override
    public int write(String path, ByteBuffer buf, long count, long offset, FileInfo fi) {
        return guard(() -> {
            int result = controller.get().write(offset, MemorySegment.ofBuffer(buf), count);
            return result < 0 ? result : (int) count;
        });
    }

    @Override
    public int flush(String path, FileInfo fi) {
        return guard(() -> controller.get().flush());
    }

    @Override
    public int fsync(String path, int datasync, FileInfo fi) {
        return guard(() -> controller.get().fsync());
    }

    @Override
    public int release(String path, FileInfo fi) {
        return guard(() -> {
            controller.get().release();
            return 0;
        });
    }

    /**
     * An exception escaping into a FUSE thread ends the JVM and leaves the mount stale: every call
     * answers EIO instead, and the controller's own failure record tells the cell the rig broke.
     */
    private int guard(IntSupplier call) {
        try {
            return call.getAsInt();
        } catch (RuntimeException | Error e) {
            failures.accept(e);
            return -errno.eio();
        }
    }

    /** A device does not change size; truncating to its own size (as some openers do) is harmless. */
    @Override
    public int truncate(String path, long size, FileInfo fi) {
        return guard(() -> size == controller.get().size() ? 0 : -errno.einval());
    }
}
