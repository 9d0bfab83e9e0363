package dev.orchestrate.step;

import dev.orchestrate.outcome.DataDamaged;
import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.report.CorruptionMap;
import dev.orchestrate.report.HexDiff;
import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Section;
import dev.orchestrate.target.CommandLogged;
import dev.orchestrate.trace.Excerpt;
import dev.orchestrate.trace.TraceReader;
import dev.orchestrate.verify.DamagedRange;
import dev.orchestrate.verify.Diagnosis;
import dev.orchestrate.verify.Expected;
import dev.orchestrate.verify.Promise;
import dev.orchestrate.verify.Verdict;
import dev.orchestrate.verify.Verifier;
import java.io.IOException;
import java.util.List;

/** Reads back what the target holds through the known-good path and fails the cell on any damaged sector. */
record Verify(boolean durable) implements Action {

    static final Section SECTION = Section.of("verify", "Reads back every copied file through the known-good path and classifies each sector; fails the cell on any damage.",
            List.of(Key.choice("oracle", "strict", List.of("strict", "durable"),
                    "strict: every sector must be there; durable: on a target with a command log, losses of data that no acknowledged flush covered "
                            + "(e.g. written after the last fsync, before a power cut) are reported but do not fail the cell")));

    static Verify of(Options o) {
        return new Verify(o.text("oracle").equals("durable"));
    }

    /**
     * Where the device logs its commands: the commands that wrote the first damaged range, and the
     * diagnosis over all ranges, go with the verdict. Returns the most specific finding, to end the
     * failure message with, or nothing.
     */
    private static String commandsOfFirstDamage(CellContext cell, Verdict verdict, List<Expected> expected) {
        DamagedRange first = verdict.ranges().getFirst();
        if (!(cell.target() instanceof CommandLogged logged) || first.lba() < 0) {
            return "";
        }
        int blockSize = expected.stream().filter(e -> e.name().equals(first.file())).findFirst().orElseThrow().readBack().blockSize();
        long start = first.lba() * blockSize;
        try {
            TraceReader.Log log = TraceReader.read(logged.commandLog());
            cell.evidence().attachText("commands that wrote the first damaged range",
                    first.describe() + "\n\n" + Excerpt.of(log.records(), start, start + first.length()));
            Diagnosis diagnosis = Diagnosis.of(verdict.ranges(), log.records(), blockSize);
            cell.evidence().attachText("diagnosis", diagnosis.text());
            return diagnosis.findings().isEmpty() ? "" : "; likely " + diagnosis.findings().getFirst();
        } catch (IOException e) {
            cell.evidence().attachText("commands that wrote the first damaged range", "the command log could not be read: " + e.getMessage());
            return "";
        }
    }

    @Override
    public String title() {
        return durable ? "verify (durable: only promised data must be there)" : "verify";
    }

    /** Under the durable oracle: true when no damaged range was ever promised, after reporting them. */
    private static boolean allUnpromised(CellContext cell, Verdict verdict, List<Expected> expected) {
        if (!(cell.target() instanceof CommandLogged logged) || verdict.rangesCut() || verdict.ranges().stream().anyMatch(r -> r.lba() < 0)) {
            return false;
        }
        int blockSize = expected.getFirst().readBack().blockSize();
        try {
            List<DamagedRange> unpromised = Promise.unpromised(verdict.ranges(), TraceReader.read(logged.commandLog()).records(), blockSize);
            StringBuilder text = new StringBuilder(unpromised.size() + " of " + verdict.ranges().size()
                    + " damaged ranges were never promised: no flush was acknowledged after their last write, before the power cut\n\n");
            unpromised.forEach(r -> text.append("  ").append(r.describe()).append('\n'));
            cell.evidence().attachText("losses never promised", text.toString());
            return unpromised.size() == verdict.ranges().size();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void run(CellContext cell) {
        if (cell.onTarget().isEmpty()) {
            throw new RigBroken("verify: nothing was copied to the target before this step");
        }
        List<Expected> expected = cell.onTarget().stream()
                .map(s -> new Expected(s.file(), CellContext.fileName(s.index()), cell.target().readBack(cell.cell(), s.index())))
                .toList();
        long total = expected.stream().mapToLong(e -> e.file().size()).sum();
        Verdict verdict;
        try {
            verdict = new Verifier(cell.format(), cell::describeFile).verify(expected, done -> cell.evidence().progress("verify", done, total));
        } catch (IOException e) {
            throw new RigBroken("verify: cannot read the target: " + e.getMessage(), e);
        }
        cell.evidence().attachText("verdict", verdict.text());
        if (verdict.first() != null) {
            Verdict.Sample first = verdict.first();
            cell.evidence().attachText("first damaged sector, expected vs found",
                    HexDiff.render(first.file() + " at offset " + first.offset(), first.offset(), first.expected(), first.found()));
            cell.evidence().attach("corruption map", "image/svg+xml", "svg", CorruptionMap.svg(verdict, expected).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        int n = 0;
        for (Verdict.Sample s : verdict.samples()) {
            n++;
            String what = "damaged range " + n + ", " + s.file() + " offset " + s.offset();
            cell.evidence().attach(what + ", expected", "application/octet-stream", "expected", s.expected());
            cell.evidence().attach(what + ", found", "application/octet-stream", "found", s.found());
        }
        if (!verdict.passed()) {
            String likely = commandsOfFirstDamage(cell, verdict, expected);
            if (durable && allUnpromised(cell, verdict, expected)) {
                return;
            }
            throw new DataDamaged(verdict.headline() + likely);
        }
    }
}
