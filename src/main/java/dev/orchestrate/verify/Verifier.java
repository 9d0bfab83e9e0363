package dev.orchestrate.verify;

import dev.orchestrate.data.Finding;
import dev.orchestrate.data.Recogniser;
import dev.orchestrate.data.SectorClass;
import dev.orchestrate.data.SectorFormat;
import dev.orchestrate.data.Stamp;
import dev.orchestrate.data.StampedFile;
import dev.orchestrate.dut.ReadBack;
import dev.orchestrate.dut.Region;
import dev.orchestrate.suite.Size;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.LongConsumer;

/**
 * Reads each expected file back from where it was placed and classifies every sector, tells copies
 * (duplicated) from writes that went astray (misplaced) by a look at where each belongs, then
 * scans the region the run used for its sectors outside the files. Memory stays bounded whatever
 * the size: one chunk buffer per thread and at most {@link #MAX_RANGES} ranges.
 */
public final class Verifier {

    public static final int MAX_RANGES = 1000;
    /** How many damaged ranges keep their first sector as found, for the binary dumps. */
    public static final int SAMPLES = 3;
    /**
     * The unit each thread reads through the page cache and checks: small enough that what the kernel copied into the
     * buffer is still in the core's own cache when the check reads it. From tmpfs, 256 KiB verified at 6.1-7.1 GB/s
     * (medians of runs) against 5.4-6.2 at 1 MiB; the page cache's readahead keeps the device's requests large anyway.
     */
    public static final int CHUNK = 1 << 18;
    /** The unit read with O_DIRECT or on a trusted host: each read is a request to the device, kept large. */
    private static final int DIRECT_CHUNK = 1 << 20;
    /** The finding of an intact sector carries nothing that differs per sector, so one serves all. */
    private static final Finding INTACT = new Finding(SectorClass.INTACT, null, 0, -1);

    private final SectorFormat format;
    private final IntFunction<String> files;
    private final int threads;

    /** @param files names a file id in verdicts ("file-2.bin", "file-1.bin of cell 3") */
    public Verifier(SectorFormat format, IntFunction<String> files) {
        this(format, files, Runtime.getRuntime().availableProcessors());
    }

    /** @param threads how many slices of a file are scanned at once */
    public Verifier(SectorFormat format, IntFunction<String> files, int threads) {
        this.format = format;
        this.files = files;
        this.threads = Math.max(1, threads);
    }

    /** Verifies {@code files} without looking outside them; {@code progress} receives the bytes checked so far. */
    public Verdict verify(List<Expected> files, LongConsumer progress) throws IOException {
        return verify(files, Region.none("only the files were read"), progress);
    }

    /**
     * Verifies {@code files}, then scans {@code region} for the run's sectors outside them; {@code
     * progress} receives the file bytes checked so far.
     */
    public Verdict verify(List<Expected> files, Region region, LongConsumer progress) throws IOException {
        Map<SectorClass, Long> counts = new EnumMap<>(SectorClass.class);
        Collector ranges = new Collector();
        long sectors = 0;
        AtomicLong done = new AtomicLong();
        String readPath = files.isEmpty() ? "nothing to read" : files.getFirst().readBack().description();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("verify-", 0).daemon().factory())) {
            for (Expected expected : files) {
                sectors += verifyFile(expected, counts, ranges, pool, bytes -> progress.accept(done.addAndGet(bytes)));
            }
            try (Origins origins = new Origins(format, files)) {
                List<DamagedRange> found = copies(ranges.ranges, counts, origins);
                Strays strays = new RegionScan(format, this.files, threads, pool).scan(region, files, origins);
                return new Verdict(readPath, files.size(), sectors, counts, found, ranges.cut, ranges.samples, strays, origins.capped());
            }
        }
    }

    /**
     * A misplaced range whose first sector is also intact at its own place is a copy: duplicated.
     * The first sector speaks for the range, so one read per range at most.
     */
    private List<DamagedRange> copies(List<DamagedRange> ranges, Map<SectorClass, Long> counts, Origins origins) throws IOException {
        List<DamagedRange> out = new ArrayList<>(ranges.size());
        for (DamagedRange r : ranges) {
            if (r.kind() == SectorClass.MISPLACED && r.stamp() != null && origins.intactAtOrigin(r.stamp()).orElse(false)) {
                long n = (r.length() + format.sectorSize() - 1) / format.sectorSize();
                counts.merge(SectorClass.MISPLACED, -n, Long::sum);
                counts.remove(SectorClass.MISPLACED, 0L);
                counts.merge(SectorClass.DUPLICATED, n, Long::sum);
                long origin = origins.lba(r.stamp());
                String found = new Finding(SectorClass.DUPLICATED, r.stamp(), 0, -1).describe(r.stamp(), files)
                        + (origin >= 0 ? " (LBA " + Size.grouped(origin) + ")" : "");
                r = new DamagedRange(r.file(), r.start(), r.end(), r.lba(), SectorClass.DUPLICATED, found, r.expected(), r.stamp());
            }
            out.add(r);
        }
        return out;
    }

    /** Scans the file in one slice per thread, then merges the slices' findings in file order. */
    private long verifyFile(Expected expected, Map<SectorClass, Long> counts, Collector ranges, ExecutorService pool, LongConsumer progress)
            throws IOException {
        long size = expected.file().size();
        long slice = Math.max(DIRECT_CHUNK, (size / threads + DIRECT_CHUNK - 1) / DIRECT_CHUNK * DIRECT_CHUNK);
        try (FileChannel channel = channel(expected.readBack())) {
            List<Future<Slice>> slices = new ArrayList<>();
            for (long from = 0; from < size; from += slice) {
                long start = from;
                long end = Math.min(size, from + slice);
                slices.add(pool.submit(() -> scan(channel, expected, start, end, progress)));
            }
            long sectors = 0;
            for (Future<Slice> f : slices) {
                Slice s = join(f);
                s.counts().forEach((kind, n) -> counts.merge(kind, n, Long::sum));
                ranges.absorb(s.ranges());
                sectors += s.sectors();
            }
            return sectors + extra(channel, expected, counts, ranges);
        }
    }

    /** What one slice of a file held. */
    private record Slice(long sectors, Map<SectorClass, Long> counts, Collector ranges) {
    }

    private Slice scan(FileChannel channel, Expected expected, long from, long to, LongConsumer progress) throws IOException {
        try (Ranges uncached = uncached(channel, expected.readBack(), to)) {
            return scan(channel, uncached, expected, from, to, progress);
        }
    }

    /** The source of a local read-back, open to read; null for a trusted host's disk, or a source that is gone. */
    static FileChannel channel(ReadBack back) throws IOException {
        // a trusted host reads the disk: the node of the same name here answers through the driver under test
        boolean local = !(back instanceof ReadBack.Remote);
        return local && Files.exists(back.source()) ? FileChannel.open(back.source(), StandardOpenOption.READ) : null;
    }

    /**
     * A read-back that promises to bypass the page cache reads through aligned O_DIRECT buffers of its own, or on the trusted host;
     * null when the channel serves.
     */
    static Ranges uncached(FileChannel channel, ReadBack back, long sliceEnd) throws IOException {
        return switch (back) {
            case ReadBack.Remote r -> new RemoteRanges(r.host(), r.blockSize(), r.base() + sliceEnd);
            case ReadBack.Raw r -> r.direct() && channel != null ? SourceReader.openDirect(r.source(), DIRECT_CHUNK) : null;
            case ReadBack.File _, ReadBack.Mapped _, ReadBack.Absent _ -> null;
        };
    }

    private Slice scan(FileChannel channel, Ranges uncached, Expected expected, long from, long to, LongConsumer progress)
            throws IOException {
        int sector = format.sectorSize();
        Recogniser recogniser = new Recogniser(format);
        int chunk = uncached != null ? DIRECT_CHUNK : CHUNK;
        Buffers buffers = new Buffers(sector, chunk);
        long[] tally = new long[SectorClass.values().length];
        Collector ranges = new Collector();
        long sectors = 0;
        for (long offset = from; offset < to; offset += chunk) {
            int want = (int) Math.min(chunk, to - offset);
            read(channel, uncached, expected, offset, buffers.direct, want, buffers.present, sector);
            sectors += check(expected, offset, want, buffers, recogniser, tally, ranges);
            progress.accept(want);
        }
        ranges.close();
        Map<SectorClass, Long> counts = new EnumMap<>(SectorClass.class);
        for (SectorClass kind : SectorClass.values()) {
            if (tally[kind.ordinal()] > 0) {
                counts.put(kind, tally[kind.ordinal()]);
            }
        }
        return new Slice(sectors, counts, ranges);
    }

    /**
     * One slice's buffers. A chunk is read straight into native memory and checked there while the core's cache still holds
     * it; only a damaged sector is copied out. A mapping of the source instead (no copy at all) verified at half the speed
     * on tmpfs: each page faulted in cost more than the kernel's copy of it.
     */
    private static final class Buffers {
        final ByteBuffer direct;
        final MemorySegment chunk;
        /** Where a damaged sector is copied for the recogniser. */
        final byte[] copy;
        /** How many bytes of each sector the read found. */
        final int[] present;

        Buffers(int sector, int size) {
            direct = ByteBuffer.allocateDirect(size);
            chunk = MemorySegment.ofBuffer(direct);
            copy = new byte[size];
            present = new int[size / sector];
        }
    }

    /**
     * Classifies the sectors of the chunk read at {@code offset}, counting them into {@code tally} and the damaged ones into
     * {@code ranges}; returns how many there were. A method of its own, called once per chunk, so that the JIT compiles it
     * as a whole early in a verify instead of only replacing a running loop of it.
     */
    private int check(Expected expected, long offset, int want, Buffers buffers, Recogniser recogniser, long[] tally,
                      Collector ranges) {
        StampedFile file = expected.file();
        int sector = format.sectorSize();
        MemorySegment chunk = buffers.chunk;
        byte[] buffer = buffers.copy;
        int sectors = 0;
        for (int at = 0; at < want; at += sector) {
            long fileOffset = offset + at;
            int length = Math.min(sector, want - at);
            int present = buffers.present[at / sector];
            Stamp should = file.isHole(fileOffset) ? null : file.stampAt(fileOffset);
            Finding finding;
            if (should == null) {
                // a hole of the source: unmapped or zeros is what belongs there
                if (present != length) {
                    finding = INTACT;
                } else {
                    MemorySegment.copy(chunk, ValueLayout.JAVA_BYTE, at, buffer, at, length);
                    finding = recogniser.classifyHole(buffer, at, length);
                }
            } else if (present != length) {
                finding = new Finding(SectorClass.MISSING, null, length, 0);
            } else if (length == sector && format.intact(chunk, at, should)) {
                finding = INTACT;
            } else {
                MemorySegment.copy(chunk, ValueLayout.JAVA_BYTE, at, buffer, at, length);
                finding = recogniser.classify(buffer, at, length, should);
            }
            tally[finding.kind().ordinal()]++;
            sectors++;
            if (finding.kind() != SectorClass.INTACT) {
                ranges.add(expected, fileOffset, length, finding, should, buffer, at);
            } else {
                ranges.close();
            }
        }
        return sectors;
    }

    static <T> T join(Future<T> f) throws IOException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("a verify slice failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while verifying", e);
        }
    }

    /** A file read through its file system must also end where it should: a longer one kept an old tail. */
    private long extra(FileChannel channel, Expected expected, Map<SectorClass, Long> counts, Collector ranges) throws IOException {
        long size = expected.file().size();
        if (channel == null || !(expected.readBack() instanceof ReadBack.File) || channel.size() <= size) {
            return 0;
        }
        long tail = channel.size() - size;
        long sectors = (tail + format.sectorSize() - 1) / format.sectorSize();
        counts.merge(SectorClass.EXTRA, sectors, Long::sum);
        ranges.close();
        ranges.ranges.add(new DamagedRange(expected.name(), size, channel.size(), -1, SectorClass.EXTRA,
                Size.grouped(tail) + " bytes past the end (the file is " + Size.grouped(channel.size()) + " bytes long)",
                "the file to end at " + Size.grouped(size) + " bytes", null));
        return sectors;
    }

    /** Reads {@code want} bytes of the file at {@code offset} into {@code buffer}; {@code present} counts the bytes read of each sector. */
    static void read(FileChannel channel, Ranges uncached, Expected expected, long offset, ByteBuffer buffer, int want,
                             int[] present, int sector) throws IOException {
        Arrays.fill(present, 0);
        if (channel == null && uncached == null) {
            return;
        }
        for (ReadBack.Segment s : expected.readBack().segments(offset, want)) {
            if (s.position() >= 0) {
                int at = (int) (s.fileOffset() - offset);
                int got = uncached == null ? readFully(channel, buffer.clear().position(at).limit(at + (int) s.length()), s.position())
                        : copy(uncached.read(s.position(), (int) s.length()), buffer, at);
                count(present, at, got, sector);
            }
        }
    }

    /** Adds the {@code got} bytes from {@code at} of a chunk to the bytes present of each sector they fall in. */
    private static void count(int[] present, int at, int got, int sector) {
        for (int k = at / sector; k * sector < at + got; k++) {
            present[k] += Math.min(at + got, (k + 1) * sector) - Math.max(at, k * sector);
        }
    }

    private static int copy(MemorySegment read, ByteBuffer into, int at) {
        MemorySegment.copy(read, 0, MemorySegment.ofBuffer(into.clear()), at, read.byteSize());
        return (int) read.byteSize();
    }

    private static int readFully(FileChannel channel, ByteBuffer into, long position) throws IOException {
        int total = 0;
        while (into.hasRemaining()) {
            int n = channel.read(into, position + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    private String expectation(Stamp should) {
        if (should == null) {
            return "zeros: a hole of the source";
        }
        return String.format(Locale.ROOT, "%s offset %,d generation %d",
                files.apply(should.fileId()), should.offset(), should.generation());
    }

    /** Collapses consecutive damaged sectors of the same class into ranges. */
    private final class Collector {
        final List<DamagedRange> ranges = new ArrayList<>();
        boolean cut;
        final List<Verdict.Sample> samples = new ArrayList<>();
        private DamagedRange open;

        void add(Expected expected, long fileOffset, int length, Finding finding, Stamp should, byte[] buffer, int at) {
            if (open != null && open.kind() == finding.kind() && open.end() == fileOffset && open.file().equals(expected.name())) {
                open = new DamagedRange(open.file(), open.start(), fileOffset + length, open.lba(), open.kind(), open.found(),
                        open.expected(), open.stamp());
                return;
            }
            close();
            if (samples.size() < SAMPLES) {
                byte[] found = finding.kind() == SectorClass.MISSING ? new byte[0] : Arrays.copyOfRange(buffer, at, at + length);
                samples.add(new Verdict.Sample(expected.name(), fileOffset, found,
                        should == null ? new byte[length] : format.expected(should)));
            }
            String found = expected.readBack() instanceof ReadBack.Absent ? "nothing: the file is absent from the volume"
                    : finding.describe(should, files);
            open = new DamagedRange(expected.name(), fileOffset, fileOffset + length, expected.readBack().lba(fileOffset),
                    finding.kind(), found, expectation(should), finding.found());
        }

        void close() {
            if (open == null) {
                return;
            }
            if (ranges.size() < MAX_RANGES) {
                ranges.add(open);
            } else {
                cut = true;
            }
            open = null;
        }

        /** Appends the next slice's ranges, joining a range that runs on across the slice boundary. */
        void absorb(Collector next) {
            close();
            List<Long> joined = new ArrayList<>();
            for (DamagedRange r : next.ranges) {
                DamagedRange last = ranges.isEmpty() ? null : ranges.getLast();
                if (last != null && last.kind() == r.kind() && last.end() == r.start() && last.file().equals(r.file())) {
                    ranges.set(ranges.size() - 1, new DamagedRange(last.file(), last.start(), r.end(), last.lba(), last.kind(),
                            last.found(), last.expected(), last.stamp()));
                    joined.add(r.start());
                } else if (ranges.size() < MAX_RANGES) {
                    ranges.add(r);
                } else {
                    cut = true;
                }
            }
            cut |= next.cut;
            // a range continued from the previous slice already has its sample
            next.samples.stream().filter(s -> !joined.contains(s.offset())).limit(Math.max(0, SAMPLES - samples.size()))
                    .forEach(samples::add);
        }
    }
}
