package dev.orchestrate.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StampedFileTest {

    @Test
    void everySectorIsTheStampOfItsOffset() throws IOException {
        SectorFormat format = new SectorFormat(4096);
        StampedFile file = new StampedFile(42, 1001, 1, (3 << 20) + 4096 + 100, format);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long[] progress = {0};
        file.writeTo(out, done -> progress[0] = done);
        byte[] bytes = out.toByteArray();
        assertEquals(file.size(), bytes.length);
        assertEquals(file.size(), progress[0]);
        for (int offset = 0; offset + 4096 <= bytes.length; offset += 4096) {
            assertArrayEquals(format.expected(file.stampAt(offset)), Arrays.copyOfRange(bytes, offset, offset + 4096), "offset " + offset);
        }
        int tail = bytes.length - 100;
        assertArrayEquals(Arrays.copyOf(format.expected(file.stampAt(tail)), 100), Arrays.copyOfRange(bytes, tail, bytes.length));
    }

    @Test
    void aSparseFileLeavesEverySecondMibUnwrittenAndKeepsItsLength(@TempDir Path dir) throws IOException {
        SectorFormat format = new SectorFormat(4096);
        StampedFile file = new StampedFile(42, 1001, 1, (4 << 20) - 4096, format, true);
        Path path = dir.resolve("sparse.bin");
        file.writeTo(path, done -> { });
        byte[] bytes = Files.readAllBytes(path);
        assertEquals(file.size(), bytes.length, "a file that ends in a hole still has its length");
        assertTrue(file.isHole(1 << 20) && file.isHole((4 << 20) - 1) && !file.isHole(0) && !file.isHole(2 << 20));
        assertArrayEquals(format.expected(file.stampAt(0)), Arrays.copyOfRange(bytes, 0, 4096));
        assertArrayEquals(new byte[1 << 20], Arrays.copyOfRange(bytes, 1 << 20, 2 << 20));
        assertArrayEquals(format.expected(file.stampAt(2 << 20)), Arrays.copyOfRange(bytes, 2 << 20, (2 << 20) + 4096));
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        file.writeTo(stream, done -> { });
        assertArrayEquals(bytes, stream.toByteArray(), "as a stream, holes are zeros");
    }
}
