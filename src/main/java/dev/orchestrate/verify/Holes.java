package dev.orchestrate.verify;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a sparse source holds data, by lseek(SEEK_DATA): a hole reads as zeros and so holds no
 * sector of ours, and the region scan need not read it. A media image is sparse wherever the
 * device was never written; read with O_DIRECT, each MiB of hole still cost a system call and the
 * kernel's zeroing of the buffer. Where SEEK_DATA is not there (not Linux, a file system or a
 * device without it), every position counts as data: nothing is skipped.
 */
final class Holes implements AutoCloseable {

    /** lseek's whence for the next data at or after the offset, on Linux. */
    private static final int SEEK_DATA = 3;
    private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle OPEN = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("open"),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT), Linker.Option.firstVariadicArg(2));
    private static final MethodHandle LSEEK = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("lseek"),
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT),
            Linker.Option.captureCallState("errno"));
    private static final MethodHandle CLOSE = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("close"),
            FunctionDescriptor.ofVoid(ValueLayout.JAVA_INT));
    private static final long ERRNO_AT = Linker.Option.captureStateLayout().byteOffset(MemoryLayout.PathElement.groupElement("errno"));
    /** lseek's answer when there is no data after the offset. */
    private static final int ENXIO = 6;

    private final int fd;
    private final Arena arena = Arena.ofConfined();
    private final MemorySegment callState = arena.allocate(Linker.Option.captureStateLayout());
    /** The last answer: no data from {@link #askedAt} up to {@link #dataAt}. */
    private long askedAt = -1;
    private long dataAt = -1;

    private Holes(int fd) {
        this.fd = fd;
    }

    /** The holes of {@code source}; one that cannot be asked answers that everything is data. */
    static Holes of(Path source) {
        if (!LINUX) {
            return new Holes(-1);
        }
        try (Arena path = Arena.ofConfined()) {
            return new Holes((int) OPEN.invokeExact(path.allocateFrom(source.toString()), 0));
        } catch (Throwable e) {
            return new Holes(-1);
        }
    }

    /** The first position at or after {@code position} that may hold data; {@link Long#MAX_VALUE} if none does. */
    long dataFrom(long position) {
        if (fd < 0) {
            return position;
        }
        if (position >= askedAt && position <= dataAt) {
            return dataAt;
        }
        long data;
        try {
            data = (long) LSEEK.invokeExact(callState, fd, position, SEEK_DATA);
        } catch (Throwable e) {
            return position;
        }
        if (data < 0) {
            // ENXIO: nothing but hole up to the end; any other error says nothing, so all is data
            data = callState.get(ValueLayout.JAVA_INT, ERRNO_AT) == ENXIO ? Long.MAX_VALUE : position;
        }
        askedAt = position;
        dataAt = data;
        return data;
    }

    @Override
    public void close() {
        arena.close();
        if (fd >= 0) {
            try {
                CLOSE.invokeExact(fd);
            } catch (Throwable e) {
                // a descriptor opened only to ask where data lies: nothing was written through it
            }
        }
    }
}
