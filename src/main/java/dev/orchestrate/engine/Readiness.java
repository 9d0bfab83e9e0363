package dev.orchestrate.engine;

import dev.orchestrate.dut.TargetKind;
import dev.orchestrate.dut.Targets;
import dev.orchestrate.host.Platform;
import dev.orchestrate.step.Steps;
import dev.orchestrate.suite.Cell;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Step;
import dev.orchestrate.suite.Suite;
import dev.orchestrate.tool.Tools;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How many of a suite's cells this host would run as it is, and why the others would be skipped:
 * for a gap this host can close (a package, root, a module), or because a cell is for another
 * platform (the Finder on Linux). Decided the way a run decides, without setting anything up.
 *
 * @param fixable cells that would skip for a reason this host can remove, counted by reason
 * @param elsewhere cells for another platform, counted by reason
 */
public record Readiness(Suite suite, int cells, Map<String, Integer> fixable, Map<String, Integer> elsewhere) {

    public static Readiness of(Suite suite) {
        Map<String, Integer> fixable = new LinkedHashMap<>();
        Map<String, Integer> elsewhere = new LinkedHashMap<>();
        for (Cell cell : suite.cells()) {
            Optional<String> target = targetElsewhere(suite.target(cell));
            Optional<String> targetGap = target.isPresent() ? Optional.empty() : targetGap(suite.target(cell));
            if (target.isPresent()) {
                elsewhere.merge(target.get(), 1, Integer::sum);
            } else if (targetGap.isPresent()) {
                fixable.merge(targetGap.get(), 1, Integer::sum);
            } else {
                skip(suite, cell, fixable, elsewhere);
            }
        }
        return new Readiness(suite, suite.cells().size(), fixable, elsewhere);
    }

    /** Cells this host would run. */
    public int runnable() {
        return cells - fixable.values().stream().mapToInt(Integer::intValue).sum()
                - elsewhere.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Whether everything the suite needs on this platform is here. */
    public boolean ready() {
        return fixable.isEmpty();
    }

    private static void skip(Suite suite, Cell cell, Map<String, Integer> fixable, Map<String, Integer> elsewhere) {
        for (Step step : suite.stepsFor(cell)) {
            Optional<String> reason = Steps.action(step).unavailable();
            if (reason.isPresent()) {
                (forElsewhere(step) ? elsewhere : fixable).merge(reason.get(), 1, Integer::sum);
                return;
            }
        }
    }

    /** A copy with a tool made for other platforms than this one. */
    private static boolean forElsewhere(Step step) {
        return step.kind().equals("copy")
                && Tools.named(step.options().text("tool")).filter(t -> !t.platforms().contains(Platform.current())).isPresent();
    }

    /** "macos-disk: macOS only" for a target kind of another platform. */
    private static Optional<String> targetElsewhere(Options target) {
        TargetKind kind = Targets.kind(target);
        return kind.platforms().contains(Platform.current()) ? Optional.empty()
                : Optional.of(kind.name() + ": " + kind.platforms().stream().map(Platform::label).collect(Collectors.joining(" and "))
                        + " only");
    }

    private static Optional<String> targetGap(Options target) {
        return Targets.kind(target).hostGap(target);
    }
}
