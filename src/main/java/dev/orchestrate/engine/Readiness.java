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
            skip(suite, cell).ifPresent(why -> (why.elsewhere() ? elsewhere : fixable).merge(why.reason(), 1, Integer::sum));
        }
        return new Readiness(suite, suite.cells().size(), fixable, elsewhere);
    }

    /**
     * Why a cell would be skipped on this host.
     *
     * @param elsewhere the cell is for another platform, rather than missing something this host can have
     */
    public record Skip(String reason, boolean elsewhere) {
    }

    /** Why this host would skip {@code cell}, as a run would decide it; empty when it would run. */
    public static Optional<Skip> skip(Suite suite, Cell cell) {
        Optional<String> target = targetElsewhere(suite.target(cell));
        if (target.isPresent()) {
            return Optional.of(new Skip(target.get(), true));
        }
        Optional<String> targetGap = targetGap(suite.target(cell));
        if (targetGap.isPresent()) {
            return Optional.of(new Skip(targetGap.get(), false));
        }
        for (Step step : suite.stepsFor(cell)) {
            Optional<String> reason = Steps.action(step).unavailable();
            if (reason.isPresent()) {
                return Optional.of(new Skip(reason.get(), forElsewhere(step)));
            }
        }
        return Optional.empty();
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
