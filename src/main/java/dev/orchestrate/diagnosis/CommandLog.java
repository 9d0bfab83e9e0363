package dev.orchestrate.diagnosis;

import dev.orchestrate.trace.Op;
import dev.orchestrate.trace.Record;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The questions the rules ask of a command log: who wrote a byte, what followed, which step was running. */
final class CommandLog {

    /** The controller's own events, which only a log kept by the controller (not a recording of requests) has. */
    private static final Set<Op> CONTROLLER = EnumSet.of(Op.DESTAGE, Op.POWER_CUT, Op.SHUTDOWN);
    private static final Set<Op> LOSSES = EnumSet.of(Op.POWER_CUT, Op.SHUTDOWN);

    private final List<Record> records;
    private final boolean knowsCache;

    CommandLog(List<Record> records) {
        this.records = List.copyOf(records);
        this.knowsCache = records.stream().anyMatch(r -> CONTROLLER.contains(r.op()));
    }

    /** Whether the log shows the device's write cache (destages, power cuts, shutdowns), so "not destaged" can be told. */
    boolean knowsCache() {
        return knowsCache;
    }

    List<Record> records() {
        return records;
    }

    /** The last acknowledged WRITE that covered device byte {@code device}. */
    Optional<Record> lastWrite(long device) {
        return records.stream().filter(c -> c.op() == Op.WRITE && c.result() == 0 && covers(c, device)).reduce((a, b) -> b);
    }

    /** Whether a DESTAGE after {@code seq} wrote device byte {@code device} to the media. */
    boolean destagedAfter(long device, long seq) {
        return records.stream().anyMatch(c -> c.op() == Op.DESTAGE && c.result() == 0 && c.seq() > seq && covers(c, device));
    }

    /** The first power cut or shutdown after {@code seq}: where the device's cache was lost or should have been written out. */
    Optional<Record> stopAfter(long seq) {
        return records.stream().filter(c -> LOSSES.contains(c.op()) && c.seq() > seq).findFirst();
    }

    /** Acknowledged flushes after {@code from} and before {@code to}. */
    long flushesBetween(long from, long to) {
        return records.stream().filter(c -> c.op() == Op.FSYNC && c.result() == 0 && c.seq() > from && c.seq() < to).count();
    }

    /** Commands the device answered with an error. */
    List<Record> failed() {
        return records.stream().filter(c -> c.result() != 0 && (c.op() == Op.WRITE || c.op() == Op.READ || c.op() == Op.FSYNC)).toList();
    }

    /** Acknowledged WRITEs shorter than {@code length} bytes. */
    long writesShorterThan(long length) {
        return records.stream().filter(c -> c.op() == Op.WRITE && c.result() == 0 && c.length() < length).count();
    }

    /** Acknowledged WRITEs. */
    List<Record> writes() {
        return records.stream().filter(c -> c.op() == Op.WRITE && c.result() == 0).toList();
    }

    /** The step marked last before {@code seq}: the step that sent that command. */
    Optional<Record> stepOf(long seq) {
        return records.stream().filter(c -> c.op() == Op.STEP && c.seq() < seq).reduce((a, b) -> b);
    }

    /** The last mark of a step titled {@code title}. */
    Optional<Record> lastMark(String title) {
        return records.stream().filter(c -> c.op() == Op.STEP && c.cause().equals(title)).reduce((a, b) -> b);
    }

    /** The last mark of a step titled {@code title} before {@code seq}. */
    Optional<Record> markBefore(String title, long seq) {
        return records.stream().filter(c -> c.op() == Op.STEP && c.cause().equals(title) && c.seq() < seq).reduce((a, b) -> b);
    }

    /** Where the step marked at {@code mark} ended: the next step's mark, or the end of the log. */
    long endOf(Record mark) {
        return records.stream().filter(c -> c.op() == Op.STEP && c.seq() > mark.seq()).mapToLong(Record::seq).findFirst()
                .orElse(Long.MAX_VALUE);
    }

    /** Acknowledged WRITEs with sequence numbers in ({@code from}, {@code to}) that covered device bytes [{@code start}, {@code end}). */
    long writesInto(long from, long to, long start, long end) {
        return records.stream().filter(c -> c.op() == Op.WRITE && c.result() == 0 && c.seq() > from && c.seq() < to
                && c.offset() < end && start < c.offset() + c.length()).count();
    }

    static boolean covers(Record c, long device) {
        return c.offset() <= device && device < c.offset() + c.length();
    }
}
