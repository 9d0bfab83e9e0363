package dev.orchestrate.results;

import dev.orchestrate.engine.Catalog;
import dev.orchestrate.engine.Journal;
import dev.orchestrate.engine.Manifest;
import dev.orchestrate.suite.Axis;
import dev.orchestrate.suite.InvalidSuite;
import dev.orchestrate.suite.Suite;
import dev.orchestrate.suite.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a release sign-off says of one run, gathered from its directory: the summary, the matrix it
 * covered, the durability promises it checked (from the suite the run kept, and its journal), what
 * changed since a baseline, and the SHA-256 of the files the page was made from, so that the page
 * attached to a release can be tied to the run's files.
 *
 * @param dir the run's directory, where its files were read
 * @param promisesUnknown why {@code promises} is empty although the run has cells (no kept suite, or one that does not load), or empty
 */
public record SignOff(Summary run, Path dir, Optional<Comparison> comparison, Coverage coverage, List<Promise> promises,
                      String promisesUnknown, List<Hash> hashes) {

    /**
     * The SHA-256 of one file.
     *
     * @param file its name in the run's directory, or its path where it lies elsewhere
     * @param sha256 hex, or empty where there is no such file
     * @param note what it tells, e.g. whether the kept suite is the one the run began with
     */
    public record Hash(String file, String sha256, String note) {
    }

    /** The sign-off of {@code run}, whose files are in {@code dir}, against {@code baseline} when given (a run of the same suite). */
    public static SignOff read(Path dir, Summary run, Optional<Summary> baseline) throws IOException {
        Path kept = dir.resolve(Journal.SUITE_COPY);
        Optional<Suite> suite = Optional.empty();
        String unknown = "";
        if (!Files.isRegularFile(kept)) {
            unknown = "the run kept no " + Journal.SUITE_COPY + ", so its steps are not known";
        } else {
            try {
                suite = Optional.of(Catalog.reader().load(kept));
            } catch (InvalidSuite e) {
                unknown = "the " + Journal.SUITE_COPY + " the run kept does not load: " + e.problems().getFirst();
            }
        }
        Map<String, List<String>> axes = new LinkedHashMap<>();
        suite.ifPresent(s -> s.axes().forEach(a -> axes.put(a.name(), texts(a))));
        List<Promise> promises = suite.map(s -> Promise.of(s, run.cells(), stepsCompleted(dir))).orElse(List.of());
        return new SignOff(run, dir, baseline.map(b -> Comparison.of(run, b)), Coverage.of(run.cells(), axes), promises, unknown,
                hashes(dir, run));
    }

    private static List<String> texts(Axis axis) {
        return axis.values().stream().map(Value::text).toList();
    }

    /** The journal's count of each cell's completed steps; none when it cannot be read (each failure is then placed at its last verify). */
    private static Map<Integer, Integer> stepsCompleted(Path dir) {
        try {
            return Journal.read(dir.resolve(Journal.FILE)).stepsCompleted();
        } catch (Journal.Unreadable e) {
            return Map.of();
        }
    }

    private static List<Hash> hashes(Path dir, Summary run) throws IOException {
        String began = run.suiteSha256() == null ? "" : run.suiteSha256();
        Hash suiteFile = new Hash(run.suiteFile(), began, began.isEmpty() ? "the run's suite was not a file"
                : "the suite as the run began");
        Hash copy = hash(dir, Journal.SUITE_COPY, "the copy of the suite the run kept");
        if (!copy.sha256().isEmpty() && !began.isEmpty()) {
            copy = new Hash(copy.file(), copy.sha256(), copy.sha256().equals(began) ? "the copy the run kept: the same suite"
                    : "the copy the run kept: NOT the suite the run began with");
        }
        return List.of(suiteFile, copy, hash(dir, Manifest.FILE, "every cell's record"), hash(dir, Summary.FILE,
                "the run's result, this page's source"));
    }

    private static Hash hash(Path dir, String name, String note) throws IOException {
        Path file = dir.resolve(name);
        return Files.isRegularFile(file) ? new Hash(name, Journal.sha256(file), note) : new Hash(name, "", "not there");
    }
}
