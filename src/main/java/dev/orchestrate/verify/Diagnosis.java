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
import java.util.stream.Stream;

/**
 * Correlates damaged ranges with the device's command log and states what the evidence suggests,
 * as hypotheses with their evidence counts: a transfer-length limit, an unflushed write cache,
 * misdirected or duplicated writes, data that never reached the device. The run's sectors found
 * outside the files (strays) show where misdirected data went. Each rule says why it did or did not
 * fire; only rules whose evidence covers every damaged range they speak of are stated.
 *
 * @param findings one line per rule that fired, most specific first
 * @param reasoning every rule, fired or not, with its evidence
 */
public record Diagnosis(List<String> findings, List<String> reasoning) {

    /** A damaged range on the device, with the last write that covered its first byte, if any. */
    record Located(DamagedRange range, long device, Optional<Record> writer, boolean destagedAfter, long fsyncsAfter) {
    }

    /**
     * @param strays the run's sectors found outside the files
     * @param blockSize the unit of the ranges' LBAs
     */
    public static Diagnosis of(List<DamagedRange> ranges, List<Stray> strays, List<Record> log, int blockSize) {
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
        misdirected(ranges, strays, blockSize, findings, reasoning);
        duplicated(ranges, strays, findings, reasoning);
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
            findings.add(String.format(Locale.ROOT,
                    "lost before reaching the device: no write command ever covered any of the %d damaged ranges", unwritten));
        }
        reasoning.add(String.format(Locale.ROOT, "never written: %d of %d damaged ranges were never covered by a WRITE",
                unwritten, located.size()));
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
        findings.add(String.format(Locale.ROOT, "transfer-length limit (or writes torn at a fixed length): all %d damaged ranges start %s "
                        + "bytes into WRITEs of %s bytes or more; none of the %d shorter WRITEs is damaged",
                written.size(), Size.grouped(inside.getFirst()), Size.grouped(shortest), clean));
        reasoning.add("transfer-length: fired");
    }

    /** The damaged data was written but never destaged, though flushes were acknowledged after it. */
    private static void unflushed(List<Located> located, List<String> findings, List<String> reasoning) {
        List<Located> written = located.stream().filter(l -> l.writer().isPresent()).toList();
        long notDestaged = written.stream().filter(l -> !l.destagedAfter()).count();
        if (!written.isEmpty() && notDestaged == located.size()) {
            long fsyncs = written.stream().mapToLong(Located::fsyncsAfter).min().orElse(0);
            findings.add(String.format(Locale.ROOT,
                    "write cache not flushed: all %d damaged ranges were written but never destaged to the media%s", notDestaged,
                    fsyncs > 0 ? "; at least " + fsyncs + " flushes after those writes were acknowledged" : "; no flush followed them"));
        }
        reasoning.add(String.format(Locale.ROOT, "unflushed: %d of %d damaged ranges were written and never destaged afterwards",
                notDestaged, located.size()));
    }

    /**
     * The run's own sectors turn up a fixed distance from where they belong, where their own place
     * does not hold them: misplaced inside the files, or outside them, where the writes landed.
     */
    private static void misdirected(List<DamagedRange> ranges, List<Stray> strays, int blockSize, List<String> findings,
                                    List<String> reasoning) {
        List<DamagedRange> misplaced = ranges.stream().filter(r -> r.kind() == SectorClass.MISPLACED && r.stamp() != null).toList();
        List<Stray> astray = strays.stream().filter(s -> s.kind() == SectorClass.MISPLACED && s.origin() >= 0).toList();
        List<Long> shifts = Stream.concat(misplaced.stream().map(r -> r.start() - r.stamp().offset()),
                astray.stream().map(Stray::displacement)).distinct().toList();
        if (misplaced.size() + astray.size() > 0 && shifts.size() == 1) {
            long shift = shifts.getFirst();
            String landed = astray.isEmpty() ? "" : "; outside the files they landed at " + astray.stream().limit(3)
                    .map(s -> "LBA " + Size.grouped(s.start() / blockSize) + ".." + Size.grouped((s.end() - 1) / blockSize))
                    .collect(Collectors.joining(", ")) + (astray.size() > 3 ? ", ..." : "");
            findings.add(String.format(Locale.ROOT, "misdirected writes: %s hold sectors found intact %s bytes (%s LBAs) %s their own "
                            + "place, which does not hold them; the writes landed that far away%s",
                    evidence(misplaced.size(), astray.size()), Size.grouped(Math.abs(shift)), Size.grouped(Math.abs(shift) / blockSize),
                    shift > 0 ? "after" : "before", landed));
        }
        reasoning.add("misdirected: " + evidence(misplaced.size(), astray.size()) + " misplaced, " + shifts.size()
                + " distinct displacements");
    }

    /**
     * Sectors in a file's place that are also intact at their own place: the data was written
     * twice. Copies outside the files alone explain nothing: freed blocks keep old copies.
     */
    private static void duplicated(List<DamagedRange> ranges, List<Stray> strays, List<String> findings, List<String> reasoning) {
        long inFiles = ranges.stream().filter(r -> r.kind() == SectorClass.DUPLICATED).count();
        long outside = strays.stream().filter(s -> s.kind() == SectorClass.DUPLICATED).count();
        if (inFiles > 0) {
            findings.add(String.format(Locale.ROOT, "duplicated writes: %s hold copies of sectors that are also intact at their own place; "
                    + "the data was written twice, once over other data", evidence(inFiles, outside)));
        }
        reasoning.add("duplicated: " + evidence(inFiles, outside) + " hold copies of sectors intact at their own place"
                + (inFiles == 0 && outside > 0 ? " (copies outside the files alone may be blocks a file system freed)" : ""));
    }

    /** "3 ranges in the files and 1 outside them". */
    private static String evidence(long inFiles, long outside) {
        return inFiles + (inFiles == 1 ? " range" : " ranges") + " in the files" + (outside > 0 ? " and " + outside + " outside them" : "");
    }
}
