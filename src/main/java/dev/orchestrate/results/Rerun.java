package dev.orchestrate.results;

import dev.orchestrate.suite.Cell;
import dev.orchestrate.suite.Suite;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code --rerun-failed RUN}: the cells of an earlier run of the same suite that failed unexpectedly
 * or broke, found again by their axis values. A cell that failed as its suite expects is no failure;
 * a skipped cell never ran. A merged run holds a cell once per station: here it is once.
 *
 * @param cells the failed cells, each once, in the run's order
 */
public record Rerun(Summary run, List<Summary.Cell> cells) {

    /** The failed cells of the run {@code name} names (as {@link Runs#read}), which must be a run of {@code suite}. */
    public static Rerun of(Path name, Suite suite) throws Runs.NotFound {
        Summary run = Runs.read(name);
        if (!run.suite().equals(suite.name())) {
            throw new Runs.NotFound("--rerun-failed " + name + ": a run of suite '" + run.suite() + "', not of '" + suite.name() + "' ("
                    + suite.file() + "); give a run of the suite being run, e.g. reports/" + suite.name() + "/latest");
        }
        if (run.cells().isEmpty() && !run.verdict().equals("passed")) {
            throw new Runs.NotFound("--rerun-failed " + name + ": the run ended " + run.verdict() + " without a result per cell"
                    + " (it broke before its manifest), so which cells failed is not known; run the suite whole");
        }
        Map<Map<String, String>, Summary.Cell> failed = new LinkedHashMap<>();
        run.cells().stream().filter(Rerun::failed).forEach(c -> failed.putIfAbsent(c.axes(), c));
        return new Rerun(run, List.copyOf(failed.values()));
    }

    private static boolean failed(Summary.Cell cell) {
        return (cell.status().equals("failed") || cell.status().equals("broken")) && !Boolean.TRUE.equals(cell.asExpected());
    }

    /** The failed cells' axis values: what picks them from the suite, whatever their ordinals now. */
    public Set<Map<String, String>> identities() {
        return cells.stream().map(Summary.Cell::axes).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The failed cells that {@code suite} has no more (edited since the run): they cannot be run again. */
    public List<Summary.Cell> gone(Suite suite) {
        Set<Map<String, String>> now = suite.cells().stream().map(Cell::values).collect(Collectors.toSet());
        return cells.stream().filter(c -> !now.contains(c.axes())).toList();
    }
}
