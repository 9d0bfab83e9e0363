package dev.orchestrate.diagnosis;

import dev.orchestrate.data.SectorClass;
import dev.orchestrate.trace.Record;
import dev.orchestrate.verify.DamagedRange;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A damaged range placed on the device and in the command log.
 *
 * @param device the device byte of the range's first byte
 * @param writer the last acknowledged WRITE that covered that byte
 * @param destaged whether the cache wrote it to the media after that WRITE; empty when the log cannot tell
 * @param stop the first power cut or shutdown after that WRITE (or after the start, if none covered it)
 * @param flushes flushes acknowledged after that WRITE and before the stop
 */
record Located(DamagedRange range, long device, Optional<Record> writer, Optional<Boolean> destaged, Optional<Record> stop,
               long flushes) {

    /** The classes of data that is not there, rather than wrong: what a lost write leaves. */
    static final Set<SectorClass> LOST = EnumSet.of(SectorClass.ZEROS, SectorClass.MISSING, SectorClass.STALE);

    static Located of(DamagedRange range, int blockSize, CommandLog log) {
        long device = range.lba() * blockSize;
        Optional<Record> writer = log.lastWrite(device);
        long since = writer.map(Record::seq).orElse(0L);
        Optional<Boolean> destaged = log.knowsCache() ? Optional.of(log.destagedAfter(device, since)) : Optional.empty();
        Optional<Record> stop = log.stopAfter(since);
        long flushes = log.flushesBetween(since, stop.map(Record::seq).orElse(Long.MAX_VALUE));
        return new Located(range, device, writer, destaged, stop, flushes);
    }

    boolean written() {
        return writer.isPresent();
    }

    /** Written to the device and, as far as the log tells, never to its media. */
    boolean cachedOnly() {
        return written() && !destaged.orElse(false);
    }

    boolean lost() {
        return LOST.contains(range.kind());
    }

    /** The byte offset of the range inside the command that wrote it. */
    long inside() {
        return device - writer.orElseThrow().offset();
    }
}
