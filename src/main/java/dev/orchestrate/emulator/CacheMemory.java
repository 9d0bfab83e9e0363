package dev.orchestrate.emulator;

import dev.orchestrate.host.Platform;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The write cache's memory, in 2 MiB pages where Linux gives them (transparent huge pages, asked
 * for with madvise before the memory is first touched). Every FUSE write is copied into it and
 * every destage write goes from it to the media with O_DIRECT, which pins the pages it reads: in
 * 4 KiB pages a 256 MiB cache is 65,536 of them, each a page-table walk and a TLB entry. Elsewhere,
 * or where the mapping fails, the memory comes from an automatic arena in ordinary pages.
 */
final class CacheMemory {

    private static final long HUGE_PAGE = 2L << 20;
    private static final int PROT_READ_WRITE = 0x3;
    private static final int MAP_PRIVATE_ANONYMOUS = 0x22;
    private static final int MADV_HUGEPAGE = 14;
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle MMAP = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("mmap"),
            FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT,
                    ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG));
    private static final MethodHandle MADVISE = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("madvise"),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
    private static final MethodHandle MUNMAP = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("munmap"),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
    /** mmap's answer when it fails. */
    private static final long MAP_FAILED = -1;

    private CacheMemory() {
    }

    /** {@code bytes} of zeroed memory aligned to {@code align} (at most a huge page), given back once unreachable. */
    static MemorySegment allocate(long bytes, long align) {
        if (Platform.current() == Platform.LINUX) {
            try {
                return huge(bytes);
            } catch (Throwable e) {
                // no mapping: ordinary pages serve as well, only slower
            }
        }
        return Arena.ofAuto().allocate(bytes, align);
    }

    /**
     * A fresh anonymous mapping (zeroed by the kernel), one huge page longer than asked to align it, with each of its pages
     * faulted in here: at power-on, as the arena's zeroing was, not in the first FUSE writes. Right after the host's page
     * cache had taken the memory, finding 128 huge pages for 256 MiB took up to 0.9 s; on a quiet host 0.04 s.
     */
    private static MemorySegment huge(long bytes) throws Throwable {
        long length = bytes + HUGE_PAGE;
        long base = ((MemorySegment) MMAP.invokeExact(MemorySegment.NULL, length, PROT_READ_WRITE, MAP_PRIVATE_ANONYMOUS, -1, 0L))
                .address();
        if (base == MAP_FAILED) {
            throw new IllegalStateException("mmap of " + length + " bytes failed");
        }
        MemorySegment aligned = MemorySegment.ofAddress((base + HUGE_PAGE - 1) & -HUGE_PAGE).reinterpret(bytes);
        // an answer other than 0 (huge pages off, an older kernel) leaves ordinary pages, which work the same
        int ignored = (int) MADVISE.invokeExact(aligned, bytes, MADV_HUGEPAGE);
        for (long at = 0; at < bytes; at += HUGE_PAGE) {
            aligned.set(ValueLayout.JAVA_BYTE, at, (byte) 0);
        }
        return aligned.reinterpret(Arena.ofAuto(), segment -> unmap(base, length));
    }

    private static void unmap(long base, long length) {
        try {
            int ignored = (int) MUNMAP.invokeExact(MemorySegment.ofAddress(base), length);
        } catch (Throwable e) {
            // the address space stays taken until the JVM ends: nothing is lost but that
        }
    }
}
