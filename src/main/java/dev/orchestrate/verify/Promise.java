package dev.orchestrate.verify;

import dev.orchestrate.trace.Op;
import dev.orchestrate.trace.Record;
import java.util.List;

/**
 * The durability oracle: which damaged ranges the host was ever promised. Data is promised once a
 * flush (FSYNC) was acknowledged after the last write of it, before any power cut; after a power
 * cut only promised data must survive.
 */
public final class Promise {

    private Promise() {
    }

    /** Whether the data of the range at device offset {@code device} was promised by an acknowledged flush. */
    public static boolean promised(long device, List<Record> log) {
        long lastWrite = log.stream()
                .filter(c -> c.op() == Op.WRITE && c.result() == 0 && c.offset() <= device && device < c.offset() + c.length())
                .mapToLong(Record::seq).max()
                // never written to the device: promised if any flush followed the last write the device saw at all
                .orElse(log.stream().filter(c -> c.op() == Op.WRITE && c.result() == 0).mapToLong(Record::seq).max()
                        .orElse(Long.MAX_VALUE));
        long cut = log.stream().filter(c -> c.op() == Op.POWER_CUT && c.seq() > lastWrite).mapToLong(Record::seq).min()
                .orElse(Long.MAX_VALUE);
        return log.stream().anyMatch(c -> c.op() == Op.FSYNC && c.result() == 0 && c.seq() > lastWrite && c.seq() < cut);
    }

    /** The ranges (with device addresses) whose data no acknowledged flush covered. */
    public static List<DamagedRange> unpromised(List<DamagedRange> ranges, List<Record> log, int blockSize) {
        return ranges.stream().filter(r -> r.lba() >= 0 && !promised(r.lba() * blockSize, log)).toList();
    }
}
