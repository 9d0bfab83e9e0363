package dev.orchestrate.results;

import dev.orchestrate.engine.Journal;
import dev.orchestrate.engine.Manifest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Makes a run's {@link Summary} from what the run left: its journal's start, its manifest, and how the run ended. */
public final class RunSummary {

    private RunSummary() {
    }

    /**
     * How the run ended, as the command line counted it.
     *
     * @param verdict what the exit code says (passed, failed, broken, not-finished, interrupted)
     */
    public record Ending(int exitCode, String verdict, Summary.Counts counts) {
    }

    /**
     * The summary of the run in {@code runDir}.
     *
     * @param manifest the run's manifest; empty when the run broke before it had one
     * @param kind the target's kind, for a run whose manifest is missing
     */
    public static Summary of(Path runDir, Journal.RunStarted started, Optional<Manifest> manifest, String kind, Ending ending) {
        List<Manifest.CellRecord> records = manifest.map(Manifest::cells).orElse(List.of());
        Map<String, String> identity = records.stream().map(Manifest.CellRecord::target).filter(t -> t != null && !t.isEmpty())
                .findFirst().orElse(Map.of());
        Summary.Target target = new Summary.Target(kind, manifest.map(Manifest::target).orElse(""), identity);
        String station = started.runLabels().station();
        List<Summary.Cell> cells = records.stream().map(c -> new Summary.Cell(c.ordinal(), c.name(), station, c.axes(), c.status(),
                c.message(), c.defect(), c.damage(), c.millis(), c.pattern(), c.expected(), c.asExpected(),
                c.target() == null || c.target().equals(identity) ? Map.of() : c.target())).toList();
        return new Summary(Summary.FORMAT, started.suite(), started.suiteFile(), started.sha256(), started.runId(),
                runDir.toAbsolutePath().toString(), started.at(), manifest.map(Manifest::finished).orElse(""), ending.verdict(),
                ending.exitCode(), ending.counts(), started.runLabels().values(), started.runShard().text(), target, cells);
    }
}
