package dev.orchestrate.dut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed cell's media image stored compressed and read back, byte for byte, by offline verification. */
class KeptMediaTest {

    private static final long MIB = 1 << 20;

    @TempDir
    Path dir;

    /** A sparse 64 MiB image: random data at a few places, an allocated run of zeros, holes between and a hole at the end. */
    private Path image() throws IOException {
        Path image = dir.resolve("cell").resolve(EmulatedTarget.MEDIA);
        Files.createDirectories(image.getParent());
        Random random = new Random(7);
        try (RandomAccessFile file = new RandomAccessFile(image.toFile(), "rw"); FileChannel channel = file.getChannel()) {
            file.setLength(64 * MIB);
            for (long at : new long[] {0, 5 * MIB + 512, 30 * MIB}) {
                byte[] data = new byte[(int) MIB + 1000];
                random.nextBytes(data);
                channel.write(ByteBuffer.wrap(data), at);
            }
            channel.write(ByteBuffer.allocate((int) (4 * MIB)), 40 * MIB);
        }
        return image;
    }

    @Test
    void theStoredFormReadsBackByteForByteAndTheExpansionGoesWithTheRead() throws IOException {
        Path image = image();
        Path original = Files.copy(image, dir.resolve("original.img"));
        KeptMedia.store(image);
        assertFalse(Files.exists(image), "the stored form replaces the image");
        Path stored = image.resolveSibling("media.img.zst");
        assertEquals(stored, KeptMedia.stored(image));
        assertTrue(Files.size(stored) < 4 * MIB, "holes and zeros cost nearly nothing: " + Files.size(stored));

        Path scratch = dir.resolve("verify");
        Path expanded;
        try (KeptMedia.Source source = KeptMedia.open(image, scratch).orElseThrow()) {
            assertTrue(source.expanded());
            expanded = source.path();
            assertEquals(scratch.resolve(EmulatedTarget.MEDIA), expanded);
            assertEquals(-1, Files.mismatch(original, expanded), "byte-identical to the image the cell kept");
        }
        assertFalse(Files.exists(expanded), "the expansion is removed after the read");
        try (KeptMedia.Source source = KeptMedia.open(stored, scratch).orElseThrow()) {
            assertEquals(-1, Files.mismatch(original, source.path()), "the stored form named itself (--image x.zst) reads the same");
        }
    }

    @Test
    void anImageKeptAsItIsIsReadInPlaceAndNeitherFormIsNothing() throws IOException {
        Path image = image();
        try (KeptMedia.Source source = KeptMedia.open(image, dir.resolve("verify")).orElseThrow()) {
            assertEquals(new KeptMedia.Source(image, false), source);
        }
        assertTrue(Files.exists(image), "an image read in place is left alone");
        assertEquals(Optional.empty(), KeptMedia.open(dir.resolve("gone").resolve(EmulatedTarget.MEDIA), dir.resolve("verify")));
    }

    @Test
    void aDamagedStoredFormIsAnErrorAndLeavesNoHalfExpansion() throws IOException {
        Path image = dir.resolve(EmulatedTarget.MEDIA);
        Files.write(KeptMedia.stored(image), new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, StandardOpenOption.CREATE_NEW);
        Path scratch = dir.resolve("verify");
        IOException e = assertThrows(IOException.class, () -> KeptMedia.open(image, scratch));
        assertTrue(e.getMessage().startsWith("cannot expand the stored media image "), e.getMessage());
        assertFalse(Files.exists(scratch.resolve(EmulatedTarget.MEDIA)));
    }
}
