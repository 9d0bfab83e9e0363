package dev.orchestrate.trace;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A cell's I/O pattern in a few numbers, to compare one night with the next: the write sizes that
 * carried the bytes (the buckets of the I/O pattern, largest share first, down to one percent) and
 * the flushes per MiB written. Two runs of a cell whose tool changed how it writes differ here even
 * when both pass.
 *
 * @param writes the sizes carrying at least one percent of the bytes written, largest share first
 * @param flushesPerMiB flush and fsync commands per MiB written; 0 when nothing was written
 */
public record Signature(List<Share> writes, double flushesPerMiB) {

    /** Below this share of the bytes a write size is not part of the signature. */
    private static final double SHOWN = 0.01;

    /**
     * One write size: the largest power of two not above the writes' length.
     *
     * @param size the bucket, in bytes
     * @param share of the bytes written, 0 to 1
     */
    public record Share(long size, long writes, long bytes, double share) {
    }

    /** The signature of the cell's own commands (setup left out). */
    static Signature of(List<Record> cell) {
        List<Record> written = cell.stream().filter(r -> r.op() == Op.WRITE).toList();
        long total = written.stream().mapToLong(Record::length).sum();
        Map<Long, List<Record>> bySize = written.stream().collect(Collectors.groupingBy(r -> Long.highestOneBit(Math.max(1, r.length()))));
        List<Share> shares = bySize.entrySet().stream()
                .map(e -> {
                    long bytes = e.getValue().stream().mapToLong(Record::length).sum();
                    return new Share(e.getKey(), e.getValue().size(), bytes, total == 0 ? 0 : (double) bytes / total);
                })
                .filter(s -> s.share() >= SHOWN)
                .sorted(Comparator.comparingDouble(Share::share).reversed().thenComparing(Comparator.comparingLong(Share::size).reversed()))
                .toList();
        long flushes = cell.stream().filter(r -> r.op() == Op.FLUSH || r.op() == Op.FSYNC).count();
        return new Signature(shares, total == 0 ? 0 : flushes / (total / (double) (1 << 20)));
    }

    /** The size carrying most of the bytes, or 0 when nothing was written. */
    public long dominant() {
        return writes.isEmpty() ? 0 : writes.getFirst().size();
    }
}
