package dev.orchestrate.dut;

import dev.orchestrate.suite.Cell;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Suite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The targets of a run's cells: one per distinct target mapping the cells resolve to, since a target
 * key may follow the matrix (a published maximum transfer per cell). Each is opened and prepared once,
 * before the first cell; all are closed together, so that one target's failure never leaves another open.
 */
public final class TargetSet implements AutoCloseable {

    private final Suite suite;
    private final Map<Options, Target> targets;

    private TargetSet(Suite suite, Map<Options, Target> targets) {
        this.suite = suite;
        this.targets = targets;
    }

    /** Opens a target with {@code open} for each distinct mapping of {@code cells}; what opened before a failure is closed. */
    public static TargetSet open(Suite suite, List<Cell> cells, Function<Options, Target> open) {
        TargetSet set = new TargetSet(suite, new LinkedHashMap<>());
        set.guarded(() -> cells.stream().map(suite::target).distinct().forEach(mapping -> set.targets.put(mapping, open.apply(mapping))));
        return set;
    }

    /** Runs {@code prepare} once on each target (set up, or set up again for a resume); on a failure every target is closed. */
    public void prepare(Consumer<Target> prepare) {
        guarded(() -> targets.values().forEach(prepare));
    }

    /** The target {@code cell} runs on. */
    public Target of(Cell cell) {
        Target target = targets.get(suite.target(cell));
        if (target == null) {
            throw new IllegalArgumentException("cell " + cell.name() + " was not among the cells the targets were opened for");
        }
        return target;
    }

    /** Each target's line for reports, one after another. */
    public String describe() {
        return targets.values().stream().map(Target::describe).collect(Collectors.joining("; "));
    }

    /** Closes every target, the last opened first; the first failure is thrown, with the later ones suppressed in it. */
    @Override
    public void close() {
        RuntimeException first = null;
        List<Target> opened = new ArrayList<>(targets.values());
        for (Target target : opened.reversed()) {
            try {
                target.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        targets.clear();
        if (first != null) {
            throw first;
        }
    }

    /** Runs {@code body}; when it fails, closes every target, their failures suppressed in its own. */
    private void guarded(Runnable body) {
        try {
            body.run();
        } catch (RuntimeException e) {
            try {
                close();
            } catch (RuntimeException teardown) {
                e.addSuppressed(teardown);
            }
            throw e;
        }
    }
}
