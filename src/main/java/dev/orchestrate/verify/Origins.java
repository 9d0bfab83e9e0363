package dev.orchestrate.verify;

import dev.orchestrate.data.SectorFormat;
import dev.orchestrate.data.Stamp;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where a sector of this run belongs, and whether that place (its origin) holds it intact: a
 * sector found elsewhere is then a copy (duplicated) rather than a write that went astray
 * (misplaced). The origin is read through the same read-back as its file, one sector per stamp,
 * cached, and at most {@link #MAX_CHECKS} times, so a huge misplaced region never reads the world.
 */
final class Origins implements AutoCloseable {

    static final int MAX_CHECKS = 256;

    private final SectorFormat format;
    private final Map<Integer, Expected> files;
    private final Map<Stamp, Boolean> answers = new HashMap<>();
    private final Map<Path, FileChannel> channels = new HashMap<>();
    private boolean capped;

    Origins(SectorFormat format, List<Expected> expected) {
        this.format = format;
        this.files = expected.stream().collect(Collectors.toMap(e -> e.file().fileId(), Function.identity(), (a, b) -> b));
    }

    /** The expected file a stamp belongs to, if it is one of the files verified here. */
    Optional<Expected> file(Stamp stamp) {
        return Optional.ofNullable(files.get(stamp.fileId())).filter(e -> e.file().runId() == stamp.runId());
    }

    /**
     * The byte on the read-back source where the sector stamped {@code stamp} belongs, or -1 when
     * unknown (another cell's file, an absent file, an unmapped range).
     */
    long position(Stamp stamp) {
        return file(stamp).filter(e -> stamp.offset() < e.file().size())
                .map(e -> e.readBack().segments(stamp.offset(), 1).getFirst().position()).orElse(-1L);
    }

    /** The LBA where the sector stamped {@code stamp} belongs, or -1 when its device address is unknown. */
    long lba(Stamp stamp) {
        return file(stamp).filter(e -> stamp.offset() < e.file().size()).map(e -> e.readBack().lba(stamp.offset())).orElse(-1L);
    }

    /** Whether the origin of {@code stamp} holds that very sector; empty when the origin is unknown or the checks are used up. */
    Optional<Boolean> intactAtOrigin(Stamp stamp) throws IOException {
        Boolean known = answers.get(stamp);
        if (known != null) {
            return Optional.of(known);
        }
        long position = position(stamp);
        if (position < 0 || !Files.exists(file(stamp).orElseThrow().readBack().source())) {
            return Optional.empty();
        }
        if (answers.size() >= MAX_CHECKS) {
            capped = true;
            return Optional.empty();
        }
        Expected e = file(stamp).orElseThrow();
        int length = (int) Math.min(format.sectorSize(), e.file().size() - stamp.offset());
        ByteBuffer found = ByteBuffer.allocate(length);
        FileChannel channel = channel(e.readBack().source());
        while (found.hasRemaining() && channel.read(found, position + found.position()) >= 0) {
            // reads until the sector is in or the source ends
        }
        boolean intact = !found.hasRemaining() && Arrays.equals(found.array(), 0, length, format.expected(stamp), 0, length);
        answers.put(stamp, intact);
        return Optional.of(intact);
    }

    /** Whether some origin went unchecked because {@link #MAX_CHECKS} were done. */
    boolean capped() {
        return capped;
    }

    private FileChannel channel(Path source) throws IOException {
        FileChannel open = channels.get(source);
        if (open == null) {
            open = FileChannel.open(source, StandardOpenOption.READ);
            channels.put(source, open);
        }
        return open;
    }

    @Override
    public void close() throws IOException {
        for (FileChannel c : channels.values()) {
            c.close();
        }
    }
}
