package dev.orchestrate.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.orchestrate.data.SectorClass;
import dev.orchestrate.data.SectorFormat;
import dev.orchestrate.data.StampedFile;
import dev.orchestrate.dut.ReadBack;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@EnabledOnOs(OS.LINUX)
class MappingTest {

    @TempDir
    Path dir;

    private final SectorFormat format = new SectorFormat(512);

    @Test
    void aDenseFileIsMappedAndASparseOneIsRead() throws IOException {
        Path dense = dir.resolve("dense.bin");
        Path sparse = dir.resolve("sparse.bin");
        new StampedFile(1, 1001, 1, 4 << 20, format).writeTo(dense, done -> { });
        new StampedFile(1, 1002, 1, 4 << 20, format, true).writeTo(sparse, done -> { });
        try (Arena arena = Arena.ofConfined(); FileChannel d = FileChannel.open(dense); FileChannel s = FileChannel.open(sparse)) {
            assertNotNull(Mapping.map(dense, d, arena));
            assertNull(Mapping.map(sparse, s, arena), "a read fault on a hole of a tmpfs file would allocate it");
        }
    }

    @Test
    void aMappedFileShorterThanExpectedEndsInMissingSectors() throws IOException {
        Path path = dir.resolve("short.bin");
        StampedFile written = new StampedFile(1, 1001, 1, (3 << 20) + 1000, format);
        written.writeTo(path, done -> { });
        StampedFile expected = new StampedFile(1, 1001, 1, 4 << 20, format);
        Verdict v = new Verifier(format, id -> "short.bin", 2).verify(List.of(new Expected(expected, "short.bin", ReadBack.file(path))),
                done -> { });
        // the partly written sector at 3 MiB + 512 counts as missing, as a short read makes it
        long missing = ((4L << 20) - (3L << 20) - 512) / 512;
        assertEquals(Map.of(SectorClass.INTACT, (3L << 20) / 512 + 1, SectorClass.MISSING, missing), v.counts());
    }
}
