package dev.orchestrate.dut;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where verification reads a file back, and how file offsets map onto it: the file itself through
 * its file system, a device or image where the file lies in one piece, a media image through the
 * file's extent map, nowhere for a file that is gone, or a trusted host that reads the disk.
 */
public sealed interface ReadBack {

    /** What is read: the file, the device or image, the media image; for a trusted host, the disk's node on that host. */
    Path source();

    /** The read path, for the report. */
    String description();

    /** The size of the blocks an LBA counts. */
    int blockSize();

    /** Splits {@code [fileOffset, fileOffset + length)} into mapped and unmapped segments. */
    List<Segment> segments(long fileOffset, long length);

    /** The LBA of byte {@code fileOffset}, or -1 when the device address is unknown. */
    long lba(long fileOffset);

    /** The extent map (an absent file's last known one) the manifest keeps, so a later verify reads the media image again; else empty. */
    default List<Extent> extentMap() {
        return List.of();
    }

    /** A part of a read: {@code length} bytes of the file from {@code fileOffset}, at {@code position} in the source or -1 if unmapped. */
    record Segment(long fileOffset, long position, long length) {
    }

    static ReadBack file(Path file) {
        return file(file, "the files, read back through the target's file system", 512);
    }

    /** The file itself, on a target whose read path {@code description} names more closely than {@link #file(Path)}. */
    static ReadBack file(Path file, String description, int blockSize) {
        return new File(file, description, blockSize);
    }

    static ReadBack raw(Path device, long offset, int blockSize) {
        return new Raw(device, "the raw image " + device + ", read directly at each file's device offset", offset, blockSize, false);
    }

    static ReadBack mapped(Path media, List<Extent> extents, int blockSize) {
        return new Mapped(media, extents, blockSize);
    }

    /**
     * A block device read at each file's device offset with O_DIRECT. {@code path} says whose driver
     * answers: on a lab disk it is the driver under test, so its own cache bugs can hide from this read.
     */
    static ReadBack device(Path device, long offset, int blockSize, String path) {
        return new Raw(device, path, offset, blockSize, true);
    }

    /** The disk read by {@code host} over SSH at each file's device offset, only the ranges verification needs. */
    static ReadBack trusted(TrustedHost host, long offset, int blockSize) {
        return new Remote(host, offset, blockSize);
    }

    /**
     * The file is gone from its volume: every byte of it is missing, whatever its old blocks still
     * hold; {@code lastKnown} (its extent map from before it went) still gives its LBAs.
     */
    static ReadBack absent(Path media, Path file, List<Extent> lastKnown, int blockSize) {
        return new Absent(media, file, lastKnown, blockSize);
    }

    /** The file itself, through its file system: offsets are the file's own, its device address unknown. */
    record File(Path source, String description, int blockSize) implements ReadBack {

        @Override
        public List<Segment> segments(long fileOffset, long length) {
            return List.of(new Segment(fileOffset, fileOffset, length));
        }

        @Override
        public long lba(long fileOffset) {
            return -1;
        }
    }

    /** The file lies in one piece on the source, its first byte at {@code base}. */
    sealed interface Contiguous extends ReadBack {

        long base();

        @Override
        default List<Segment> segments(long fileOffset, long length) {
            return List.of(new Segment(fileOffset, base() + fileOffset, length));
        }

        @Override
        default long lba(long fileOffset) {
            return (base() + fileOffset) / blockSize();
        }
    }

    /**
     * A device or image read here at the file's device offset; {@code direct}: with O_DIRECT, so the
     * host's page cache neither answers nor keeps the reads.
     */
    record Raw(Path source, String description, long base, int blockSize, boolean direct) implements Contiguous {
    }

    /** The disk read by a trusted host at the file's device offset; the node of the same name here is the driver under test. */
    record Remote(TrustedHost host, long base, int blockSize) implements Contiguous {

        @Override
        public Path source() {
            return Path.of(host.device());
        }

        @Override
        public String description() {
            return host.describe();
        }
    }

    /** A media image read through the file's extent map, never through the controller; a range outside the extents is unmapped. */
    record Mapped(Path media, List<Extent> extents, int blockSize) implements ReadBack {

        public Mapped {
            extents = List.copyOf(extents);
        }

        @Override
        public Path source() {
            return media;
        }

        @Override
        public String description() {
            return "the media image " + media + ", read directly through each file's extent map, never through the controller";
        }

        @Override
        public List<Segment> segments(long fileOffset, long length) {
            return ReadBack.segmentsThrough(extents, fileOffset, length);
        }

        @Override
        public long lba(long fileOffset) {
            return ReadBack.lbaThrough(extents, fileOffset, blockSize);
        }

        @Override
        public List<Extent> extentMap() {
            return extents;
        }
    }

    /** A file gone from the volume on {@code media}: nothing of it is read; its {@code lastKnown} extents give its LBAs. */
    record Absent(Path media, Path file, List<Extent> lastKnown, int blockSize) implements ReadBack {

        public Absent {
            lastKnown = List.copyOf(lastKnown);
        }

        @Override
        public Path source() {
            return media;
        }

        @Override
        public String description() {
            return "the media image " + media + "; " + file.getFileName() + " is absent from the mounted volume";
        }

        @Override
        public List<Segment> segments(long fileOffset, long length) {
            return List.of(new Segment(fileOffset, -1, length));
        }

        @Override
        public long lba(long fileOffset) {
            return ReadBack.lbaThrough(lastKnown, fileOffset, blockSize);
        }

        @Override
        public List<Extent> extentMap() {
            return lastKnown;
        }
    }

    private static List<Segment> segmentsThrough(List<Extent> extents, long fileOffset, long length) {
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

    private static long lbaThrough(List<Extent> extents, long fileOffset, int blockSize) {
        long position = segmentsThrough(extents, fileOffset, 1).getFirst().position();
        return position < 0 ? -1 : position / blockSize;
    }
}
