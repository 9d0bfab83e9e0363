package dev.orchestrate.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One summary for several runs of one suite, the shards a nightly job ran on its stations, for the
 * merged report and tomorrow's {@code orchestrate compare}: every run's cells, each with its station;
 * the counts summed; the worst verdict; at the top, the labels and target identity every run shares.
 */
public final class MergedSummary {

    /** From best to worst: lost data outweighs a broken rig, and a run that did not finish has not said all it would. */
    private static final List<String> VERDICTS = List.of("passed", "broken", "failed", "not-finished", "interrupted");

    private MergedSummary() {
    }

    /**
     * Whether {@code runs} can be merged: runs of different suites (by name or by the suite file's
     * SHA-256), or two runs with the same cell on the same station, are an {@link IllegalArgumentException} saying which.
     */
    public static void check(List<Summary> runs) {
        Summary first = runs.getFirst();
        Map<String, Summary> seen = new HashMap<>();
        for (Summary run : runs) {
            if (!run.suite().equals(first.suite()) || !Objects.equals(run.suiteSha256(), first.suiteSha256())) {
                throw new IllegalArgumentException(run.runDir() + " is a run of " + about(run) + ", " + first.runDir() + " of "
                        + about(first) + ": merge the runs of one suite file");
            }
            for (Summary.Cell cell : run.cells()) {
                Summary before = seen.put(cell.title(), run);
                if (before != null) {
                    throw new IllegalArgumentException("cell " + cell.title() + " is in " + before.runDir() + " and in " + run.runDir()
                            + ": merge the runs of different stations (--station) or of different shards (--shard)");
                }
            }
        }
    }

    /** Merges {@code runs}, which {@link #check} accepts, into the summary of the merged report in {@code dir}. */
    public static Summary of(List<Summary> runs, Path dir) {
        check(runs);
        Summary first = runs.getFirst();
        Map<String, String> identity = common(runs.stream().map(r -> r.target().identity()).toList());
        List<Summary.Cell> cells = new ArrayList<>();
        for (Summary run : runs) {
            for (Summary.Cell cell : run.cells()) {
                Map<String, String> its = cell.target() == null || cell.target().isEmpty() ? run.target().identity() : cell.target();
                cells.add(new Summary.Cell(cell.ordinal(), cell.name(), cell.station(), cell.axes(), cell.status(), cell.message(),
                        cell.defect(), cell.damage(), cell.millis(), cell.pattern(), cell.expected(), cell.asExpected(),
                        its.equals(identity) ? Map.of() : its));
            }
        }
        cells.sort(Comparator.comparingInt(Summary.Cell::ordinal).thenComparing(c -> Objects.requireNonNullElse(c.station(), "")));
        Summary worst = runs.stream().max(Comparator.comparingInt(MergedSummary::rank)).orElseThrow();
        List<String> finished = runs.stream().map(Summary::finished).toList();
        return new Summary(Summary.FORMAT, first.suite(), first.suiteFile(), first.suiteSha256(),
                runs.stream().map(Summary::runId).collect(Collectors.joining("+")), dir.toAbsolutePath().toString(),
                runs.stream().map(Summary::started).min(Comparator.naturalOrder()).orElseThrow(),
                finished.contains("") ? "" : finished.stream().max(Comparator.naturalOrder()).orElseThrow(),
                worst.verdict(), worst.exitCode(), counts(runs), common(runs.stream().map(Summary::labels).toList()), "",
                new Summary.Target(distinct(runs, t -> t.kind(), ", "), distinct(runs, t -> t.description(), "; "), identity), cells);
    }

    private static String about(Summary run) {
        String sha = run.suiteSha256() == null || run.suiteSha256().length() < 12 ? "" : " (SHA-256 " + run.suiteSha256().substring(0, 12)
                + "...)";
        return "'" + run.suite() + "'" + sha;
    }

    /** An unknown verdict ranks worst: a merge must not hide what it cannot read. */
    private static int rank(Summary run) {
        int rank = VERDICTS.indexOf(run.verdict());
        return rank < 0 ? VERDICTS.size() : rank;
    }

    private static Summary.Counts counts(List<Summary> runs) {
        return runs.stream().map(Summary::counts).reduce(new Summary.Counts(0, 0, 0, 0, 0, 0), (a, b) -> new Summary.Counts(
                a.cells() + b.cells(), a.passed() + b.passed(), a.failed() + b.failed(), a.failedAsExpected() + b.failedAsExpected(),
                a.broken() + b.broken(), a.skipped() + b.skipped()));
    }

    /** The entries every map has, with the same value, in the first map's order. */
    private static Map<String, String> common(List<Map<String, String>> maps) {
        Map<String, String> common = new LinkedHashMap<>(maps.getFirst());
        maps.forEach(m -> common.entrySet().removeIf(e -> !Objects.equals(e.getValue(), m.get(e.getKey()))));
        return common;
    }

    private static String distinct(List<Summary> runs, Function<Summary.Target, String> field, String separator) {
        return runs.stream().map(r -> field.apply(r.target())).distinct().collect(Collectors.joining(separator));
    }
}
