package dev.orchestrate.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@EnabledOnOs(value = OS.LINUX, disabledReason = "SEEK_DATA is asked only on Linux; elsewhere every position counts as data")
class HolesTest {

    @TempDir
    Path dir;

    @Test
    void aHoleIsSkippedToTheNextDataAndThereIsNoneAfterTheLast() throws IOException {
        Path file = dir.resolve("sparse.img");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(32L << 20);
            raf.write(new byte[4096]);
            raf.seek(16L << 20);
            raf.write(new byte[4096]);
        }
        try (Holes holes = Holes.of(file)) {
            assertEquals(0, holes.dataFrom(0));
            assertEquals(16L << 20, holes.dataFrom(1 << 20));
            assertEquals(16L << 20, holes.dataFrom(8L << 20), "asked again inside the same hole");
            assertEquals((16L << 20) + 100, holes.dataFrom((16L << 20) + 100));
            assertEquals(Long.MAX_VALUE, holes.dataFrom(20L << 20));
        }
    }

    @Test
    void aSourceThatCannotBeAskedIsAllData() {
        try (Holes holes = Holes.of(dir.resolve("not-there.img"))) {
            assertEquals(4096, holes.dataFrom(4096));
        }
    }
}
