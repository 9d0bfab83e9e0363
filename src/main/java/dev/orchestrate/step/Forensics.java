package dev.orchestrate.step;

import dev.orchestrate.dut.CommandLogged;
import dev.orchestrate.report.Evidence;
import dev.orchestrate.trace.Excerpt;
import dev.orchestrate.trace.Record;
import dev.orchestrate.trace.TraceReader;
import dev.orchestrate.verify.DamagedRange;
import dev.orchestrate.verify.Diagnosis;
import dev.orchestrate.verify.Expected;
import dev.orchestrate.verify.Promise;
import dev.orchestrate.verify.Verdict;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A failed verdict next to the device's command log: the commands that wrote the first damaged
 * range, the diagnosis over all ranges, and which losses a flush had promised. Only for targets
 * that log their commands, and only for damage with device addresses.
 */
final class Forensics {

    private final Evidence evidence;
    private final Verdict verdict;
    private final List<Record> log;
    private final int blockSize;

    private Forensics(Evidence evidence, Verdict verdict, List<Record> log, int blockSize) {
        this.evidence = evidence;
        this.verdict = verdict;
        this.log = log;
        this.blockSize = blockSize;
    }

    /** When the damage can be placed on the device, forensics over {@code log}. */
    static Optional<Forensics> of(Evidence evidence, Verdict verdict, List<Expected> expected, List<Record> log) {
        DamagedRange first = verdict.ranges().getFirst();
        if (first.lba() < 0) {
            return Optional.empty();
        }
        int blockSize = expected.stream().filter(e -> e.name().equals(first.file())).findFirst().orElseThrow().readBack().blockSize();
        return Optional.of(new Forensics(evidence, verdict, log, blockSize));
    }

    /** The command log of a target that keeps one, read once; empty for other targets. */
    static Optional<List<Record>> logOf(CellContext cell) {
        Optional<CommandLogged> logged = cell.device().commandLogged();
        if (logged.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(TraceReader.read(logged.get().commandLog()).records());
        } catch (IOException e) {
            cell.evidence().attachText("command log", "the command log could not be read: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Attaches the commands of the first damaged range and the diagnosis; returns the most specific
     * finding for the failure message, or "".
     */
    String explain() {
        DamagedRange first = verdict.ranges().getFirst();
        long start = first.lba() * blockSize;
        evidence.attachText("commands that wrote the first damaged range",
                first.describe() + "\n\n" + Excerpt.of(log, start, start + first.length()));
        Diagnosis diagnosis = Diagnosis.of(verdict.ranges(), verdict.strays().ranges(), log, blockSize);
        evidence.attachText("diagnosis", diagnosis.text());
        return diagnosis.findings().isEmpty() ? "" : "; likely " + diagnosis.findings().getFirst();
    }

    /** Whether no damaged range was ever promised by an acknowledged flush, after attaching the ones that were not. */
    boolean nothingPromisedWasLost() {
        if (verdict.rangesCut() || verdict.ranges().stream().anyMatch(r -> r.lba() < 0)) {
            return false;
        }
        List<DamagedRange> unpromised = Promise.unpromised(verdict.ranges(), log, blockSize);
        StringBuilder text = new StringBuilder(unpromised.size() + " of " + verdict.ranges().size()
                + " damaged ranges were never promised: no flush was acknowledged after their last write, before the power cut\n\n");
        unpromised.forEach(r -> text.append("  ").append(r.describe()).append('\n'));
        evidence.attachText("losses never promised", text.toString());
        return unpromised.size() == verdict.ranges().size();
    }
}
