package dev.orchestrate.verify;

import dev.orchestrate.data.SectorClass;
import dev.orchestrate.dut.ReadBack;
import dev.orchestrate.dut.Region;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A verdict from a tool's own check. The tool writes its own data, so its sectors cannot be
 * recognised one by one; but the blocks its check failed can be read on the known-good path, where
 * a sector that reads as zeros is lost (a tool that checksums its blocks fills them with
 * pseudo-random bytes, never a sector of zeros) and one that no device block holds is missing. A
 * failed block with neither is damaged as a whole, since the check does not say which of its bytes
 * changed; the other sectors of a block that holds zeros are not judged: the zeros fail it.
 */
public final class BlockVerdict {

    /** One file the tool checked, and the blocks its check failed. */
    public record Checked(Expected expected, List<BadBlock> bad) {

        public Checked {
            bad = bad.stream().sorted(Comparator.comparingLong(BadBlock::offset)).toList();
        }
    }

    private static final int CHUNK = 1 << 20;

    private final String tool;
    private final List<DamagedRange> ranges = new ArrayList<>();
    private final Map<SectorClass, Long> counts = new EnumMap<>(SectorClass.class);
    private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
    private long notJudged;

    private BlockVerdict(String tool) {
        this.tool = tool;
    }

    /**
     * The verdict on {@code files}, as {@code tool}'s check found them; a file with no bad block is
     * intact by that check.
     *
     * @param cut whether the check was stopped before it named every bad block
     */
    public static Verdict of(String tool, List<Checked> files, boolean cut) throws IOException {
        BlockVerdict v = new BlockVerdict(tool);
        long sectors = 0;
        for (Checked c : files) {
            int sector = c.expected().readBack().blockSize();
            sectors += (c.expected().file().size() + sector - 1) / sector;
            v.read(c, sector);
        }
        long damaged = v.counts.values().stream().mapToLong(Long::longValue).sum();
        v.counts.put(SectorClass.INTACT, sectors - damaged - v.notJudged);
        String readPath = tool + "'s own check, through the file system; the blocks it failed read on "
                + (files.isEmpty() ? "nothing" : files.getFirst().expected().readBack().description())
                + (v.notJudged == 0 ? "" : "; " + v.notJudged + " sectors of failed blocks that hold zeros are not judged");
        boolean over = v.ranges.size() > Verifier.MAX_RANGES;
        return new Verdict(readPath, files.size(), sectors, v.counts, over ? v.ranges.subList(0, Verifier.MAX_RANGES) : v.ranges,
                cut || over, List.of(), Strays.unscanned(Region.none("only the blocks " + tool + "'s check failed were read")), false);
    }

    private void read(Checked c, int sector) throws IOException {
        Expected e = c.expected();
        long size = e.file().size();
        try (FileChannel channel = Verifier.channel(e.readBack());
             Ranges uncached = Verifier.uncached(channel, e.readBack(), e.file().size())) {
            long done = 0;
            for (BadBlock block : c.bad()) {
                long from = Math.max(done, block.offset() / sector * sector);
                long to = Math.min(size, block.end());
                if (from < to) {
                    block(channel, uncached, e, block, from, to, sector);
                    done = to;
                }
            }
        }
    }

    /** Reads {@code [from, to)} of {@code block} and classifies its sectors. */
    private void block(FileChannel channel, Ranges uncached, Expected e, BadBlock block, long from, long to, int sector)
            throws IOException {
        int n = (int) ((to - from + sector - 1) / sector);
        SectorClass[] kinds = new SectorClass[n];
        byte[] zeros = new byte[sector];
        int[] present = new int[CHUNK / sector];
        for (long offset = from; offset < to; offset += CHUNK) {
            int want = (int) Math.min(CHUNK, to - offset);
            Verifier.read(channel, uncached, e, offset, buffer, want, present, sector);
            for (int at = 0; at < want; at += sector) {
                int length = Math.min(sector, want - at);
                kinds[(int) ((offset - from + at) / sector)] = present[at / sector] != length ? SectorClass.MISSING
                        : Arrays.equals(buffer.array(), at, at + length, zeros, 0, length) ? SectorClass.ZEROS : null;
            }
        }
        boolean lost = Arrays.stream(kinds).anyMatch(k -> k != null);
        for (int i = 0; i < n; i++) {
            SectorClass kind = lost ? kinds[i] : SectorClass.DAMAGED;
            if (kind == null) {
                notJudged++;
                continue;
            }
            long start = from + (long) i * sector;
            add(e, block, kind, start, Math.min(to, start + sector), sector);
        }
    }

    /** Adds a sector to the last range when it continues it, on the file and on the device; else opens a range. */
    private void add(Expected e, BadBlock block, SectorClass kind, long start, long end, int sector) {
        counts.merge(kind, 1L, Long::sum);
        ReadBack back = e.readBack();
        long lba = back.lba(start);
        DamagedRange last = ranges.isEmpty() ? null : ranges.getLast();
        if (last != null && last.file().equals(e.name()) && last.kind() == kind && last.end() == start
                && (lba < 0 ? last.lba() < 0 : lba == last.lba() + (start - last.start()) / sector)) {
            ranges.set(ranges.size() - 1, new DamagedRange(last.file(), last.start(), end, last.lba(), kind, last.found(), last.expected(),
                    null));
            return;
        }
        ranges.add(new DamagedRange(e.name(), start, end, lba, kind, found(kind), tool + "'s data, which its check failed in the block of "
                + block.describe(), null));
    }

    private static String found(SectorClass kind) {
        return switch (kind) {
            case ZEROS -> "zeros";
            case MISSING -> "nothing: no device block holds this range";
            default -> "not zeros, yet failed by the check, which does not say which of its bytes changed";
        };
    }
}
