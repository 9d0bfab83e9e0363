package dev.orchestrate.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@EnabledOnOs(value = OS.LINUX, disabledReason = "the media image is written with O_DIRECT, and du tells its allocated size")
class MediaTest {

    @TempDir
    Path dir;

    @Test
    void zerosOverBlocksNeverWrittenStayAHoleAndZerosOverDataLand() throws Exception {
        Path image = dir.resolve("media.img");
        try (Media media = new Media(image, 64L << 20)) {
            media.write(0, new ByteBuffer[] {zeros(4 << 20), zeros(4 << 20)});
            assertEquals(0, allocatedKiB(image), "8 MiB of zeros over a new image");
            media.write(1 << 20, filled(4096, (byte) 0xAB));
            assertTrue(allocatedKiB(image) >= 4);
            media.write(1 << 20, zeros(4096));
            assertEquals(0, read(media, 1 << 20).get(100), "zeros over written data reach the media");
            media.write(0, new ByteBuffer[] {zeros(8 << 20)});
            assertEquals(0, read(media, 1 << 20).get(0));
        }
    }

    @Test
    void anImageThatHeldDataWhenOpenedIsWrittenInFull() throws Exception {
        Path image = dir.resolve("media.img");
        try (RandomAccessFile raf = new RandomAccessFile(image.toFile(), "rw")) {
            raf.setLength(64L << 20);
        }
        try (Media media = new Media(image, 64L << 20)) {
            media.write(0, new ByteBuffer[] {zeros(1 << 20)});
        }
        assertTrue(allocatedKiB(image) >= 1024, "what it held before is not known, so zeros may cover data");
    }

    private static ByteBuffer zeros(int n) {
        return Media.aligned(n);
    }

    private static ByteBuffer filled(int n, byte value) {
        ByteBuffer b = Media.aligned(n);
        while (b.hasRemaining()) {
            b.put(value);
        }
        return b.flip();
    }

    private static ByteBuffer read(Media media, long offset) throws IOException {
        ByteBuffer b = Media.aligned(4096);
        media.read(offset, b);
        return b.flip();
    }

    private static long allocatedKiB(Path file) throws Exception {
        Process du = new ProcessBuilder("du", "-k", file.toString()).redirectErrorStream(true).start();
        assertTrue(du.waitFor(30, TimeUnit.SECONDS), "du did not finish");
        return Long.parseLong(new String(du.getInputStream().readAllBytes()).trim().split("\\s+")[0]);
    }
}
