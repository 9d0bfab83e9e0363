package dev.orchestrate.verify;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A read-back source mapped into memory, so its pages are checked where the page cache holds them
 * instead of being copied into a buffer first: on tmpfs the copy was two thirds of the verifier's
 * CPU time. Only a regular file with no holes is mapped: a read fault on a hole of a tmpfs file
 * allocates the hole, which would change the very file under test; read() leaves it alone.
 */
public final class Mapping {

    /** lseek's whence for the next hole at or after the offset, on Linux. */
    private static final int SEEK_HOLE = 4;
    private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle OPEN = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("open"),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT), Linker.Option.firstVariadicArg(2));
    private static final MethodHandle LSEEK = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("lseek"),
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
    private static final MethodHandle CLOSE = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("close"),
            FunctionDescriptor.ofVoid(ValueLayout.JAVA_INT));

    private Mapping() {
    }

    /** {@code source} (open as {@code channel}) mapped read-only for the life of {@code arena}, or null where it must be read. */
    public static MemorySegment map(Path source, FileChannel channel, Arena arena) throws IOException {
        long size = channel.size();
        return size > 0 && LINUX && Files.isRegularFile(source) && firstHole(source) >= size
                ? channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena) : null;
    }

    /** Where the first hole of the file starts (its size if it has none), or -1 if that cannot be told. */
    private static long firstHole(Path file) {
        try (Arena arena = Arena.ofConfined()) {
            int fd = (int) OPEN.invokeExact(arena.allocateFrom(file.toString()), 0);
            if (fd < 0) {
                return -1;
            }
            try {
                return (long) LSEEK.invokeExact(fd, 0L, SEEK_HOLE);
            } finally {
                CLOSE.invokeExact(fd);
            }
        } catch (Throwable e) {
            return -1;
        }
    }
}
