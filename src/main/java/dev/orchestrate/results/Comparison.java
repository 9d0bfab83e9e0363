package dev.orchestrate.results;

import dev.orchestrate.suite.Size;
import dev.orchestrate.trace.Signature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What changed between two runs of one suite, cell by cell: what a nightly job gates on ("did
 * anything new fail since last night, or since the previous driver build?") and what a release
 * manager reads. A cell is bad when it failed unexpectedly or broke; a failure the suite expects is
 * not bad, and an expected failure that passed is (it failed as an unexpected pass). Cells are matched
 * by name and station, as a merged summary has a cell once per station.
 *
 * @param newFailures cells bad in the run and not in the baseline (or new in it)
 * @param fixed cells bad in the baseline that passed or failed as expected in the run
 * @param stillFailing cells bad in both, with both defects
 * @param newlySkipped cells skipped in the run that ran in the baseline
 * @param patterns cells whose I/O pattern changed: another write size carries most bytes, or the flushes per MiB moved
 * @param identity target identity fields that differ, "label: baseline → run"
 * @param gone cells of the baseline the run does not have
 */
public record Comparison(Summary run, Summary baseline, List<Change> newFailures, List<Change> fixed, List<Change> stillFailing,
                         List<Change> newlySkipped, List<Change> patterns, List<String> identity, List<String> gone) {

    /** Flushes per MiB differ when one is this many times the other, and not both are nearly none. */
    private static final double FLUSH_FACTOR = 1.5;
    private static final double FLUSH_FLOOR = 0.05;

    /**
     * One cell's change.
     *
     * @param before what the baseline says of it ("passed", "failed: transfer-length"), or "not in the baseline"
     * @param after what the run says of it
     */
    public record Change(String cell, String before, String after, String message) {
    }

    /** Compares {@code run} with {@code baseline}, both runs of one suite. */
    public static Comparison of(Summary run, Summary baseline) {
        Map<String, Summary.Cell> before = baseline.cells().stream()
                .collect(Collectors.toMap(Summary.Cell::title, Function.identity(), (a, b) -> b, LinkedHashMap::new));
        List<Change> newFailures = new ArrayList<>();
        List<Change> fixed = new ArrayList<>();
        List<Change> still = new ArrayList<>();
        List<Change> skipped = new ArrayList<>();
        List<Change> patterns = new ArrayList<>();
        for (Summary.Cell now : run.cells()) {
            Optional<Summary.Cell> then = Optional.ofNullable(before.get(now.title()));
            String was = then.map(Comparison::state).orElse("not in the baseline");
            Change change = new Change(now.title(), was, state(now), now.message());
            boolean badBefore = then.map(Comparison::bad).orElse(false);
            if (bad(now) && !badBefore) {
                newFailures.add(change);
            } else if (bad(now)) {
                still.add(change);
            } else if (badBefore && !now.status().equals("skipped")) {
                fixed.add(change);
            }
            if (now.status().equals("skipped") && then.filter(c -> !c.status().equals("skipped")).isPresent()) {
                skipped.add(change);
            }
            then.flatMap(c -> patternChange(c.pattern(), now.pattern()))
                    .ifPresent(p -> patterns.add(new Change(now.title(), p.before(), p.after(), "")));
        }
        List<String> gone = before.keySet().stream().filter(title -> run.cells().stream().noneMatch(c -> c.title().equals(title))).toList();
        return new Comparison(run, baseline, newFailures, fixed, still, skipped, patterns,
                identity(baseline.target().identity(), run.target().identity()), gone);
    }

    /** Whether the nightly gate fails: something failed that did not before. */
    public boolean regressed() {
        return !newFailures.isEmpty();
    }

    /** Whether the two runs ran the same suite file, byte for byte. */
    public boolean sameSuiteFile() {
        return Objects.equals(run.suiteSha256(), baseline.suiteSha256());
    }

    /** Failed unexpectedly (an unexpected pass included) or broke. */
    static boolean bad(Summary.Cell c) {
        return c.status().equals("broken") || c.status().equals("failed") && !Boolean.TRUE.equals(c.asExpected());
    }

    /** "passed", "failed: transfer-length", "failed as expected: flush-dropped", "broken", "skipped". */
    static String state(Summary.Cell c) {
        String defect = c.defect() == null || c.defect().isEmpty() ? "" : ": " + c.defect();
        return c.status().equals("failed") && Boolean.TRUE.equals(c.asExpected()) ? "failed as expected" + defect
                : c.status().equals("failed") ? "failed" + defect : c.status();
    }

    private record Moved(String before, String after) {
    }

    private static Optional<Moved> patternChange(Signature before, Signature after) {
        if (before == null || after == null) {
            return Optional.empty();
        }
        double a = before.flushesPerMiB();
        double b = after.flushesPerMiB();
        boolean flushes = Math.max(a, b) >= FLUSH_FLOOR && Math.max(a, b) > FLUSH_FACTOR * Math.min(a, b);
        if (before.dominant() == after.dominant() && !flushes) {
            return Optional.empty();
        }
        return Optional.of(new Moved(describe(before), describe(after)));
    }

    /** "most bytes in 1 MiB writes (75 %), 0.23 flushes per MiB". */
    static String describe(Signature s) {
        String most = s.writes().isEmpty() ? "no writes"
                : String.format(Locale.ROOT, "most bytes in %s writes (%.0f %%)", new Size(s.dominant()),
                        100 * s.writes().getFirst().share());
        return most + String.format(Locale.ROOT, ", %.2f flushes per MiB", s.flushesPerMiB());
    }

    private static List<String> identity(Map<String, String> before, Map<String, String> after) {
        List<String> changes = new ArrayList<>();
        for (String key : new TreeSet<>(keys(before, after))) {
            String was = before.get(key);
            String now = after.get(key);
            if (!Objects.equals(was, now)) {
                changes.add(key + ": " + (was == null ? "(none)" : was) + " → " + (now == null ? "(none)" : now));
            }
        }
        return changes;
    }

    private static List<String> keys(Map<String, String> a, Map<String, String> b) {
        List<String> keys = new ArrayList<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }
}
