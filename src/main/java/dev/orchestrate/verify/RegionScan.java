package dev.orchestrate.verify;

import dev.orchestrate.data.SectorClass;
import dev.orchestrate.data.SectorFormat;
import dev.orchestrate.data.Stamp;
import dev.orchestrate.dut.ReadBack;
import dev.orchestrate.dut.Region;
import dev.orchestrate.suite.Size;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Scans a region of the device, on the known-good path, for sectors of this run outside the places
 * where the expected files' sectors belong: where a misdirected write landed, a second copy of a
 * write, blocks a file left behind. The files' own places are skipped (the files were verified
 * there); elsewhere a sector costs a look at its magic and run id, and only a sector of this run
 * is checked in full. Sectors are looked for at multiples of the sector size; one chunk per slice
 * is in memory, read with O_DIRECT where the file system allows, so the host's page cache is
 * neither used nor filled; a chunk that lies in a hole of a sparse image, or wholly in a file's own
 * place, is not read at all.
 */
final class RegionScan {

    private static final int CHUNK = 1 << 20;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final SectorFormat format;
    private final IntFunction<String> names;
    private final int threads;
    private final ExecutorService pool;

    RegionScan(SectorFormat format, IntFunction<String> names, int threads, ExecutorService pool) {
        this.format = format;
        this.names = names;
        this.threads = threads;
        this.pool = pool;
    }

    /**
     * Scans {@code region} for sectors of the run of {@code files} outside their own places, and
     * classifies each stray range through {@code origins}.
     */
    Strays scan(Region region, List<Expected> files, Origins origins) throws IOException {
        if (!region.scanned() || files.isEmpty() || !Files.exists(region.source())) {
            return Strays.unscanned(region.scanned() ? Region.none(region.source() + " is not there") : region);
        }
        long runId = files.getFirst().file().runId();
        long[][] own = ownPlaces(region, files);
        int sector = format.sectorSize();
        try (FileChannel channel = FileChannel.open(region.source(), StandardOpenOption.READ)) {
            long start = region.start() / sector * sector;
            long end = Math.min(region.end(), channel.size()) / sector * sector;
            long slice = Math.max(CHUNK, ((end - start) / threads + CHUNK - 1) / CHUNK * CHUNK);
            List<Future<Found>> slices = new ArrayList<>();
            for (long from = start; from < end; from += slice) {
                long a = from;
                long b = Math.min(end, from + slice);
                slices.add(pool.submit(() -> scan(region, a, b, runId, own)));
            }
            Found all = new Found();
            for (Future<Found> f : slices) {
                all.absorb(Verifier.join(f));
            }
            return classify(region, all, origins);
        }
    }

    /** The merged, sorted device ranges {starts, ends} where the files' own sectors lie on {@code region}'s source. */
    private long[][] ownPlaces(Region region, List<Expected> files) throws IOException {
        List<long[]> places = new ArrayList<>();
        int sector = format.sectorSize();
        for (Expected e : files) {
            ReadBack r = e.readBack();
            // an absent file has no place: what its old blocks hold is stray, the evidence that its data reached the media
            if (r instanceof ReadBack.Absent || !Files.exists(r.source()) || !Files.isSameFile(r.source(), region.source())) {
                continue;
            }
            for (ReadBack.Segment s : r.segments(0, e.file().size())) {
                if (s.position() >= 0) {
                    places.add(new long[] {s.position() / sector * sector, (s.position() + s.length() + sector - 1) / sector * sector});
                }
            }
        }
        places.sort((x, y) -> Long.compare(x[0], y[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] p : places) {
            if (!merged.isEmpty() && merged.getLast()[1] >= p[0]) {
                merged.getLast()[1] = Math.max(merged.getLast()[1], p[1]);
            } else {
                merged.add(p);
            }
        }
        return new long[][] {merged.stream().mapToLong(p -> p[0]).toArray(), merged.stream().mapToLong(p -> p[1]).toArray()};
    }

    private Found scan(Region region, long from, long to, long runId, long[][] own) throws IOException {
        int sector = format.sectorSize();
        Found found = new Found();
        try (SourceReader reader = SourceReader.open(region.source(), CHUNK); Holes holes = Holes.of(region.source())) {
            long[] starts = own[0];
            long[] ends = own[1];
            // the first own place that ends after the position: advanced as the scan goes
            int next = Arrays.binarySearch(ends, from);
            next = next < 0 ? -next - 1 : next + 1;
            for (long offset = from; offset < to; offset += CHUNK) {
                int want = (int) Math.min(CHUNK, to - offset);
                if (holes.dataFrom(offset) >= offset + want) {
                    continue; // a hole: zeros, no sector of ours
                }
                next = ownAfter(ends, next, offset);
                if (next < starts.length && starts[next] <= offset && ends[next] >= offset + want) {
                    continue; // inside a file's own place, verified there: not read again
                }
                MemorySegment memory = reader.read(offset, want);
                int got = (int) Math.min(want, memory.byteSize()) / sector * sector;
                for (int at = 0; at < got; at += sector) {
                    long position = offset + at;
                    next = ownAfter(ends, next, position);
                    if (next < starts.length && starts[next] <= position) {
                        // the rest of this chunk inside the own place is skipped in one step
                        at = (int) Math.min(got, ends[next] - offset) - sector;
                        continue;
                    }
                    if (memory.get(LONG, at) == SectorFormat.MAGIC && memory.get(LONG, at + 16) == runId) {
                        Stamp stamp = new Stamp(runId, memory.get(INT, at + 24), memory.get(LONG, at + 32), memory.get(INT, at + 28));
                        if (format.intact(memory, at, stamp)) {
                            found.add(position, stamp, sector);
                        }
                    }
                }
            }
        }
        return found;
    }

    /** The first own place from {@code next} on that ends after {@code position}: the scan only moves forward. */
    private static int ownAfter(long[] ends, int next, long position) {
        int k = next;
        while (k < ends.length && ends[k] <= position) {
            k++;
        }
        return k;
    }

    /**
     * Names each listed stray range's class: an older generation is stale; otherwise duplicated
     * when its origin holds it, else misplaced.
     */
    private Strays classify(Region region, Found found, Origins origins) throws IOException {
        List<Stray> strays = new ArrayList<>();
        Map<SectorClass, Long> counts = new EnumMap<>(SectorClass.class);
        for (int i = 0; i < found.ranges.size(); i++) {
            long[] r = found.ranges.get(i);
            Stamp first = found.stamps.get(i);
            long origin = origins.lba(first);
            String file = names.apply(first.fileId());
            SectorClass kind;
            String why;
            var expected = origins.file(first);
            if (expected.isEmpty()) {
                kind = SectorClass.MISPLACED;
                why = "not a file verified here, so where it belongs is not known";
            } else if (first.generation() < expected.get().file().generation()) {
                kind = SectorClass.STALE;
                why = "an older generation than the file now has (generation " + expected.get().file().generation()
                        + "): left behind by a rewrite";
            } else if (expected.get().readBack() instanceof ReadBack.Absent) {
                kind = SectorClass.MISPLACED;
                why = "the file is absent from the volume, though its data reached the media";
            } else {
                var intact = origins.intactAtOrigin(first);
                String at = origin >= 0 ? "its own place (LBA " + Size.grouped(origin) + ")" : "its own place";
                kind = intact.orElse(false) ? SectorClass.DUPLICATED : SectorClass.MISPLACED;
                why = intact.map(yes -> at + (yes ? " holds it too" : " does not hold it"))
                        .orElse(at + " was not checked (checks used up)");
            }
            strays.add(new Stray(r[0], r[1], region.blockSize(), kind, first, origin, file, why));
            counts.merge(kind, (r[1] - r[0]) / format.sectorSize(), Long::sum);
        }
        return new Strays(region, found.sectors, found.count, strays, counts);
    }

    /**
     * Stray sectors collapsed into ranges of consecutive device positions carrying consecutive
     * offsets of one file and generation: the first {@link Verifier#MAX_RANGES} kept, all counted.
     */
    private static final class Found {
        final List<long[]> ranges = new ArrayList<>();
        final List<Stamp> stamps = new ArrayList<>();
        long sectors;
        long count;
        /** The last range found, listed or not, and the stamp of its first sector. */
        private long[] last;
        private Stamp lastFirst;

        void add(long position, Stamp stamp, int sector) {
            sectors++;
            if (continues(position, stamp)) {
                last[1] += sector;
            } else {
                start(new long[] {position, position + sector}, stamp);
            }
        }

        /** Appends the next slice's findings, joining a range that runs on across the boundary. */
        void absorb(Found next) {
            sectors += next.sectors;
            for (int i = 0; i < next.ranges.size(); i++) {
                long[] r = next.ranges.get(i);
                if (i == 0 && continues(r[0], next.stamps.getFirst())) {
                    last[1] = r[1];
                } else {
                    start(r, next.stamps.get(i));
                }
            }
            // ranges of the next slice past the listing limit are counted, never listed
            count += next.count - next.ranges.size();
            if (next.count > next.ranges.size()) {
                last = next.last;
                lastFirst = next.lastFirst;
            }
        }

        private boolean continues(long position, Stamp stamp) {
            return last != null && last[1] == position && lastFirst.fileId() == stamp.fileId()
                    && lastFirst.generation() == stamp.generation()
                    && lastFirst.offset() + (last[1] - last[0]) == stamp.offset();
        }

        private void start(long[] range, Stamp first) {
            count++;
            last = range;
            lastFirst = first;
            if (ranges.size() < Verifier.MAX_RANGES) {
                ranges.add(range);
                stamps.add(first);
            }
        }
    }
}
