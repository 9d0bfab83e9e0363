package dev.orchestrate.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

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
}
