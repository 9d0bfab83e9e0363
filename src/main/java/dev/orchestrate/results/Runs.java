package dev.orchestrate.results;

import dev.orchestrate.engine.Labels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds runs by what a lab calls them: a run directory, its summary.json, {@code latest} (the newest
 * other run of the same suite) or labels ({@code driver=2.0.9}: the newest other run of the same suite
 * that has them). The runs of a suite are the directories beside each other under reports/&lt;suite&gt;/.
 */
public final class Runs {

    private Runs() {
    }

    /** A run that cannot be found or read: bad input, with what to do. */
    public static final class NotFound extends Exception {
        NotFound(String message) {
            super(message);
        }
    }

    /** The summary of the run {@code name} names: a run directory or a summary.json. */
    public static Summary read(Path name) throws NotFound {
        Path file = Files.isDirectory(name) ? name.resolve(Summary.FILE) : name;
        if (!Files.isRegularFile(file)) {
            throw new NotFound(name + ": no " + Summary.FILE + " there; give a run directory (reports/<suite>/<timestamp>) or its "
                    + Summary.FILE + " (runs from before summaries cannot be compared)");
        }
        try {
            return Summary.read(file);
        } catch (IOException e) {
            throw new NotFound(file + " cannot be read: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** The directory of the run {@code name} names: a run directory, or the one its summary.json lies in. */
    public static Path directory(Path name) {
        return Files.isDirectory(name) ? name : name.toAbsolutePath().getParent();
    }

    /**
     * The baseline {@code name} names for {@code run}: a run, {@code latest}, or labels {@code key=value[,key=value]};
     * a run of another suite is no baseline of it.
     */
    public static Summary baseline(String name, Summary run) throws NotFound {
        if (!name.equals("latest") && !name.contains("=")) {
            Summary named = read(Path.of(name));
            if (!named.suite().equals(run.suite())) {
                throw new NotFound("the run is of suite '" + run.suite() + "', the baseline of '" + named.suite()
                        + "': a baseline is a run of the same suite; compare two runs of one suite");
            }
            return named;
        }
        Labels wanted = name.equals("latest") ? Labels.NONE : parse(name);
        Path suiteDir = Path.of(run.runDir()).getParent();
        return others(suiteDir, run).stream().filter(s -> new Labels(s.labels()).includes(wanted))
                .max(Comparator.comparing(Summary::started))
                .orElseThrow(() -> new NotFound("no other run of " + run.suite() + " under " + suiteDir
                        + (wanted.values().isEmpty() ? "" : " has the labels " + name) + "; give the baseline run's directory"));
    }

    private static Labels parse(String labels) throws NotFound {
        try {
            return Labels.parse(Optional.of(labels), List.of());
        } catch (IllegalArgumentException e) {
            throw new NotFound(e.getMessage());
        }
    }

    /** Every readable summary of another run of the same suite in {@code suiteDir}. */
    private static List<Summary> others(Path suiteDir, Summary run) throws NotFound {
        List<Summary> found = new ArrayList<>();
        if (suiteDir == null || !Files.isDirectory(suiteDir)) {
            return found;
        }
        try (Stream<Path> dirs = Files.list(suiteDir)) {
            for (Path dir : dirs.filter(d -> Files.isDirectory(d) && !Files.isSymbolicLink(d)).toList()) {
                Path file = dir.resolve(Summary.FILE);
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                try {
                    Summary s = Summary.read(file);
                    if (s.suite().equals(run.suite()) && !s.runId().equals(run.runId())) {
                        found.add(s);
                    }
                } catch (IOException e) {
                    // a summary another version wrote, or a torn one: not a baseline
                }
            }
        } catch (IOException e) {
            throw new NotFound("cannot list the runs in " + suiteDir + ": " + e.getMessage());
        }
        return found;
    }
}
