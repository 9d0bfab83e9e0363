package dev.orchestrate.dut;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import dev.orchestrate.outcome.RigBroken;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Optional;

/**
 * The media image a failed cell keeps as evidence, stored compressed with zstd as
 * {@code media.img.zst}. The image is as large as the emulated disk, and a CI artifact upload
 * (tar, zip) keeps none of its holes; the stamped data in it does not compress, so the stored form
 * is about the size of what the cell wrote. Offline verification reads either form: the stored one
 * is expanded, sparse, for the time of the read.
 */
public final class KeptMedia {

    /** The stored form's name is the image's with this after it. */
    public static final String SUFFIX = ".zst";
    private static final int CHUNK = 1 << 20;
    private static final int BLOCK = 4096;
    private static final byte[] ZEROS = new byte[BLOCK];
    /** Stamped payloads do not compress, and runs of zeros compress at any level: the fastest stores as small as the others. */
    private static final int LEVEL = 1;

    private KeptMedia() {
    }

    /** The image to read, and whether it is an expansion that {@link #close()} removes. */
    public record Source(Path path, boolean expanded) implements Closeable {

        @Override
        public void close() throws IOException {
            if (expanded) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** The stored form of {@code image}. */
    public static Path stored(Path image) {
        return image.resolveSibling(image.getFileName() + SUFFIX);
    }

    /**
     * Replaces {@code image} by its stored form; nothing when there is no image. An image that cannot
     * be compressed is kept as it is, and the rig is broken with the reason.
     */
    static void store(Path image) {
        if (!Files.isRegularFile(image)) {
            return;
        }
        Path stored = stored(image);
        Path part = stored.resolveSibling(stored.getFileName() + ".part");
        try {
            try (InputStream in = Files.newInputStream(image);
                 OutputStream out = new ZstdOutputStream(Files.newOutputStream(part), LEVEL)) {
                byte[] chunk = new byte[CHUNK];
                for (int n; (n = in.read(chunk)) > 0; ) {
                    out.write(chunk, 0, n);
                }
            }
            Files.move(part, stored, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.delete(image);
        } catch (IOException | LinkageError e) {
            try {
                Files.deleteIfExists(part);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new RigBroken("cannot compress the media image " + image + " into " + stored + " (" + e
                    + "); the image is kept as it is", e);
        }
    }

    /**
     * The image to read for {@code media}: the image itself (or a device holding it), or its stored form (or {@code media}
     * when it names a stored form) expanded into {@code scratch}; empty when neither form is there.
     */
    public static Optional<Source> open(Path media, Path scratch) throws IOException {
        String name = media.getFileName().toString();
        if (name.endsWith(SUFFIX) && Files.isRegularFile(media)) {
            return Optional.of(expand(media, scratch.resolve(name.substring(0, name.length() - SUFFIX.length()))));
        }
        if (Files.exists(media)) {
            return Optional.of(new Source(media, false));
        }
        return Files.isRegularFile(stored(media)) ? Optional.of(expand(stored(media), scratch.resolve(name))) : Optional.empty();
    }

    /** Writes only the blocks that are not all zeros, so the expansion takes the room of the data, as the image did. */
    private static Source expand(Path stored, Path into) throws IOException {
        Files.createDirectories(into.getParent());
        try (InputStream in = new ZstdInputStream(new BufferedInputStream(Files.newInputStream(stored), CHUNK));
             RandomAccessFile file = new RandomAccessFile(into.toFile(), "rw")) {
            file.setLength(0);
            FileChannel out = file.getChannel();
            byte[] chunk = new byte[CHUNK];
            long at = 0;
            for (int n; (n = in.readNBytes(chunk, 0, CHUNK)) > 0; at += n) {
                for (int i = 0; i < n; i += BLOCK) {
                    int length = Math.min(BLOCK, n - i);
                    if (!Arrays.equals(chunk, i, i + length, ZEROS, 0, length)) {
                        ByteBuffer block = ByteBuffer.wrap(chunk, i, length);
                        while (block.hasRemaining()) {
                            out.write(block, at + block.position());
                        }
                    }
                }
            }
            file.setLength(at);
        } catch (IOException | LinkageError e) {
            Files.deleteIfExists(into);
            throw new IOException("cannot expand the stored media image " + stored + " into " + into + ": " + e, e);
        }
        return new Source(into, true);
    }
}
