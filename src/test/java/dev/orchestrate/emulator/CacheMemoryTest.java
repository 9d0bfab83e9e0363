package dev.orchestrate.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.orchestrate.host.Platform;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The write cache's memory: zeroed, aligned, writable, and on Linux in huge pages where the host has them. */
class CacheMemoryTest {

    private static final long MIB = 1L << 20;
    private static final Path THP = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");

    @Test
    void memoryIsZeroedAlignedAndWritable() {
        MemorySegment memory = CacheMemory.allocate(4 * MIB, 4096);
        assertEquals(4 * MIB, memory.byteSize());
        assertEquals(0, memory.address() % 4096);
        assertEquals(-1, memory.mismatch(MemorySegment.ofArray(new byte[(int) (4 * MIB)])), "fresh memory reads zeros");
        memory.set(ValueLayout.JAVA_LONG, 4 * MIB - 8, 42);
        assertEquals(42, memory.get(ValueLayout.JAVA_LONG, 4 * MIB - 8));
    }

    @Test
    void onLinuxWithHugePagesOnRequestTheMemoryIsInHugePages() throws IOException {
        assumeTrue(Platform.current() == Platform.LINUX, "huge pages are asked for on Linux only");
        assumeTrue(Files.isReadable(THP) && !Files.readString(THP).contains("[never]"),
                "transparent huge pages are off on this host (" + THP + ")");
        MemorySegment memory = CacheMemory.allocate(8 * MIB, 4096);
        assertEquals(0, memory.address() % (2 * MIB), "aligned to a huge page");
        assertTrue(anonHugeKib(memory.address()) >= 2048, "faulted in at allocation, the mapping holds at least one huge page");
    }

    /** The AnonHugePages of this process's mapping that holds {@code address}, from /proc/self/smaps. */
    private static long anonHugeKib(long address) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc/self/smaps"));
        boolean inside = false;
        for (String line : lines) {
            String[] range = line.split(" ", 2)[0].split("-");
            if (range.length == 2 && range[0].matches("[0-9a-f]+") && range[1].matches("[0-9a-f]+")) {
                inside = HexFormat.fromHexDigitsToLong(range[0]) <= address && address < HexFormat.fromHexDigitsToLong(range[1]);
            } else if (inside && line.startsWith("AnonHugePages:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return 0;
    }
}
