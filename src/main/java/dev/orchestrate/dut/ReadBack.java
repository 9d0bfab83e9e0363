package dev.orchestrate.dut;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where verification reads a file back, and how file offsets map onto it: the file itself through
 * its file system, a raw device or image at a fixed offset, or a media image through the file's
 * extent map. {@code description} names the path for the report.
 *
 * @param extents the extent map, or null when file offsets map onto {@code source} directly (plus {@code base})
 * @param base the device offset of the file's first byte for a raw source; -1 when reading the file itself
 * @param absent the file is not on the volume at all, so nothing of it can be read
 * @param direct read with O_DIRECT: the host's page cache neither answers nor keeps the reads
 * @param trusted the host that reads {@code source} on this one's behalf, or null when this host reads it
 */
public record ReadBack(Path source, String description, List<Extent> extents, long base, int blockSize, boolean absent, boolean direct,
                       TrustedHost trusted) {

    /** A part of a read: {@code length} bytes of the file from {@code fileOffset}, at {@code position} in the source or -1 if unmapped. */
    public record Segment(long fileOffset, long position, long length) {
    }

    public static ReadBack file(Path file) {
        return new ReadBack(file, "the files, read back through the target's file system", null, -1, 512, false, false, null);
    }

    public static ReadBack raw(Path device, long offset, int blockSize) {
        return new ReadBack(device, "the raw image " + device + ", read directly at each file's device offset", null, offset, blockSize, false, false, null);
    }

    public static ReadBack mapped(Path media, List<Extent> extents, int blockSize) {
        return new ReadBack(media, "the media image " + media + ", read directly through each file's extent map, never through the controller",
                List.copyOf(extents), 0, blockSize, false, false, null);
    }

    /**
     * A block device read at each file's device offset with O_DIRECT. {@code path} says whose driver
     * answers: on a lab disk it is the driver under test, so its own cache bugs can hide from this read.
     */
    public static ReadBack device(Path device, long offset, int blockSize, String path) {
        return new ReadBack(device, path, null, offset, blockSize, false, true, null);
    }

    /** The disk read by {@code host} over SSH at each file's device offset, only the ranges verification needs. */
    public static ReadBack trusted(TrustedHost host, long offset, int blockSize) {
        return new ReadBack(Path.of(host.device()), host.describe(), null, offset, blockSize, false, false, host);
    }

    /**
     * The file is gone from its volume: every byte of it is missing, whatever its old blocks still
     * hold; {@code lastKnown} (its extent map from before it went) still gives its LBAs.
     */
    public static ReadBack absent(Path media, Path file, List<Extent> lastKnown, int blockSize) {
        return new ReadBack(media, "the media image " + media + "; " + file.getFileName() + " is absent from the mounted volume",
                List.copyOf(lastKnown), 0, blockSize, true, false, null);
    }

    /** Splits {@code [fileOffset, fileOffset + length)} into mapped and unmapped segments. */
    public List<Segment> segments(long fileOffset, long length) {
        if (absent) {
            return List.of(new Segment(fileOffset, -1, length));
        }
        return mapped(fileOffset, length);
    }

    private List<Segment> mapped(long fileOffset, long length) {
        if (extents == null) {
            return List.of(new Segment(fileOffset, Math.max(base, 0) + fileOffset, length));
        }
        List<Segment> out = new ArrayList<>();
        long at = fileOffset;
        long end = fileOffset + length;
        while (at < end) {
            long from = at;
            Extent hit = extents.stream().filter(e -> e.contains(from)).findFirst().orElse(null);
            if (hit != null) {
                long n = Math.min(end, hit.logical() + hit.length()) - at;
                out.add(new Segment(at, hit.physical() + (at - hit.logical()), n));
                at += n;
            } else {
                long next = extents.stream().mapToLong(Extent::logical).filter(l -> l > from).min().orElse(end);
                long n = Math.min(end, next) - at;
                out.add(new Segment(at, -1, n));
                at += n;
            }
        }
        return out;
    }

    /** The LBA of byte {@code fileOffset}, or -1 when the device address is unknown. */
    public long lba(long fileOffset) {
        if (extents == null) {
            return base >= 0 ? (base + fileOffset) / blockSize : -1;
        }
        long position = mapped(fileOffset, 1).getFirst().position();
        return position < 0 ? -1 : position / blockSize;
    }
}
