package dev.orchestrate.verify;

import dev.orchestrate.data.SectorClass;
import dev.orchestrate.suite.Size;
import dev.orchestrate.trace.Op;
import dev.orchestrate.trace.Record;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Correlates damaged ranges with the device's command log and states what the evidence suggests,
 * as hypotheses with their evidence counts: a transfer-length limit, an unflushed write cache,
 * misdirected writes, data that never reached the device. Each rule says why it did or did not
 * fire; only rules whose evidence covers every damaged range they speak of are stated.
 *
 * @param findings one line per rule that fired, most specific first
 * @param reasoning every rule, fired or not, with its evidence
 */
public record Diagnosis(List<String> findings, List<String> reasoning) {

    /** A damaged range on the device, with the last write that covered its first byte, if any. */
    record Located(DamagedRange range, long device, Optional<Record> writer, boolean destagedAfter, long fsyncsAfter) {
    }

    /** @param blockSize the unit of the ranges' LBAs */
    public static Diagnosis of(List<DamagedRange> ranges, List<Record> log, int blockSize) {
        List<Located> located = new ArrayList<>();
        for (DamagedRange r : ranges) {
            if (r.lba() < 0) {
                continue;
            }
            long device = r.lba() * blockSize;
            Optional<Record> writer = log.stream()
                    .filter(c -> c.op() == Op.WRITE && c.result() == 0 && c.offset() <= device && device < c.offset() + c.length())
                    .reduce((first, second) -> second);
            long since = writer.map(Record::seq).orElse(Long.MAX_VALUE);
            boolean destaged = log.stream().anyMatch(c -> c.op() == Op.DESTAGE && c.result() == 0 && c.seq() > since
                    && c.offset() <= device && device < c.offset() + c.length());
            long fsyncs = log.stream().filter(c -> c.op() == Op.FSYNC && c.result() == 0 && c.seq() > since).count();
            located.add(new Located(r, device, writer, destaged, fsyncs));
        }
        List<String> findings = new ArrayList<>();
        List<String> reasoning = new ArrayList<>();
        if (located.isEmpty()) {
            reasoning.add("no damaged range has a device address, so nothing can be correlated with the command log");
            return new Diagnosis(findings, reasoning);
        }
        neverWritten(located, findings, reasoning);
        transferLength(located, log, findings, reasoning);
        unflushed(located, findings, reasoning);
        misdirected(ranges, findings, reasoning);
        return new Diagnosis(findings, reasoning);
    }

    public String text() {
        StringBuilder out = new StringBuilder(findings.isEmpty() ? "no rule explains the damage; see the ranges and the command log\n"
                : "likely:\n" + findings.stream().map(f -> "  " + f + "\n").collect(Collectors.joining()));
        out.append("\nrules:\n");
        reasoning.forEach(r -> out.append("  ").append(r).append('\n'));
        return out.toString();
    }

    private static void neverWritten(List<Located> located, List<String> findings, List<String> reasoning) {
        long unwritten = located.stream().filter(l -> l.writer().isEmpty()).count();
        if (unwritten == located.size()) {
            findings.add(String.format(Locale.ROOT, "lost before reaching the device: no write command ever covered any of the %d damaged ranges", unwritten));
        }
        reasoning.add(String.format(Locale.ROOT, "never written: %d of %d damaged ranges were never covered by a WRITE", unwritten, located.size()));
    }

    /** Every damaged range starts at the same offset inside the write that covered it, and those writes are all long. */
    private static void transferLength(List<Located> located, List<Record> log, List<String> findings, List<String> reasoning) {
        List<Located> written = located.stream().filter(l -> l.writer().isPresent()).toList();
        if (written.isEmpty() || written.size() < located.size()) {
            reasoning.add("transfer-length: not every damaged range was written by a command, so no common offset inside commands");
            return;
        }
        List<Long> inside = written.stream().map(l -> l.device() - l.writer().orElseThrow().offset()).distinct().toList();
        long shortest = written.stream().mapToLong(l -> l.writer().orElseThrow().length()).min().orElseThrow();
        if (inside.size() != 1 || inside.getFirst() == 0) {
            reasoning.add("transfer-length: the damaged ranges start at " + inside.size() + " different offsets inside their commands"
                    + (inside.equals(List.of(0L)) ? " (all at the start of a command)" : ""));
            return;
        }
        long clean = log.stream().filter(c -> c.op() == Op.WRITE && c.result() == 0 && c.length() < shortest).count();
        // a write torn at a fixed length leaves the same evidence; the name says which is likelier, not which is certain
        findings.add(String.format(Locale.ROOT, "transfer-length limit (or writes torn at a fixed length): all %d damaged ranges start %s bytes into "
                + "WRITEs of %s bytes or more; none of the %d shorter WRITEs is damaged", written.size(), Size.grouped(inside.getFirst()), Size.grouped(shortest), clean));
        reasoning.add("transfer-length: fired");
    }

    /** The damaged data was written but never destaged, though flushes were acknowledged after it. */
    private static void unflushed(List<Located> located, List<String> findings, List<String> reasoning) {
        List<Located> written = located.stream().filter(l -> l.writer().isPresent()).toList();
        long notDestaged = written.stream().filter(l -> !l.destagedAfter()).count();
        if (!written.isEmpty() && notDestaged == located.size()) {
            long fsyncs = written.stream().mapToLong(Located::fsyncsAfter).min().orElse(0);
            findings.add(String.format(Locale.ROOT, "write cache not flushed: all %d damaged ranges were written but never destaged to the media%s",
                    notDestaged, fsyncs > 0 ? "; at least " + fsyncs + " flushes after those writes were acknowledged" : "; no flush followed them"));
        }
        reasoning.add(String.format(Locale.ROOT, "unflushed: %d of %d damaged ranges were written and never destaged afterwards", notDestaged, located.size()));
    }

    /** The file's own sectors turn up a fixed distance away from where they belong. */
    private static void misdirected(List<DamagedRange> ranges, List<String> findings, List<String> reasoning) {
        List<DamagedRange> misplaced = ranges.stream().filter(r -> r.kind() == SectorClass.MISPLACED && r.stamp() != null).toList();
        List<Long> shifts = misplaced.stream().map(r -> r.start() - r.stamp().offset()).distinct().toList();
        if (!misplaced.isEmpty() && shifts.size() == 1) {
            findings.add(String.format(Locale.ROOT, "misdirected writes: %d misplaced ranges all hold sectors that belong %s bytes %s; the writes landed that far away",
                    misplaced.size(), Size.grouped(Math.abs(shifts.getFirst())), shifts.getFirst() > 0 ? "before them" : "after them"));
        }
        reasoning.add("misdirected: " + misplaced.size() + " misplaced ranges, " + shifts.size() + " distinct displacements");
    }
}
