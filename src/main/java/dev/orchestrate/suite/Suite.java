package dev.orchestrate.suite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A checked suite: everything needed to plan and run its cells. Built only by {@link SuiteLoader},
 * which has already resolved every cell once, so resolving again cannot fail.
 *
 * @param target the target mapping as written: its keys may follow the matrix, so each cell resolves it ({@link #target(Cell)})
 */
public record Suite(String name, String description, Path file, Location at, int sectorSize, Unresolved target,
                    Map<String, Preset> tools, List<Axis> axes, Map<String, Value> defaults, List<Unresolved> steps,
                    List<Expectation.Rule> expect, Vocabulary vocabulary) {

    public Suite {
        tools = Map.copyOf(tools);
        axes = List.copyOf(axes);
        defaults = Map.copyOf(defaults);
        steps = List.copyOf(steps);
        expect = List.copyOf(expect);
    }

    /** The full matrix, in file order: the first axis varies slowest. */
    public List<Cell> cells() {
        return cells(axes);
    }

    static List<Cell> cells(List<Axis> axes) {
        List<Cell> cells = new ArrayList<>();
        expand(axes, 0, new LinkedHashMap<>(), cells);
        return cells;
    }

    private static void expand(List<Axis> axes, int axis, LinkedHashMap<String, Value> chosen, List<Cell> out) {
        if (axis == axes.size()) {
            out.add(new Cell(out.size(), chosen));
            return;
        }
        for (Value v : axes.get(axis).values()) {
            chosen.put(axes.get(axis).name(), v);
            expand(axes, axis + 1, chosen, out);
        }
        chosen.remove(axes.get(axis).name());
    }

    /** What {@code cell}'s verdict should be: the first {@code expect} entry that matches it; empty when none does. */
    public Optional<Expectation> expectation(Cell cell) {
        return expect.stream().filter(rule -> rule.matches(cell)).findFirst().map(Expectation.Rule::expectation);
    }

    /** The steps of {@code cell}, references resolved and options checked. */
    public List<Step> stepsFor(Cell cell) {
        return resolved(cell, problems -> Interpolation.resolve(this, cell, problems));
    }

    /** The target of {@code cell}: the target keys with the cell's references resolved, checked. */
    public Options target(Cell cell) {
        return resolved(cell, problems -> Interpolation.target(this, cell, problems));
    }

    /** The kind of every cell's target: the kind takes no reference. */
    public String targetKind() {
        return target.options().get("kind").text();
    }

    /** The distinct targets the cells resolve to, in matrix order: one unless a target key follows the matrix. */
    public List<Options> targets() {
        return cells().stream().map(this::target).distinct().toList();
    }

    private <T> T resolved(Cell cell, Function<List<Problem>, T> resolve) {
        List<Problem> problems = new ArrayList<>();
        T resolved = resolve.apply(problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("suite was validated, yet cell " + cell.name() + " does not resolve: " + problems);
        }
        return resolved;
    }
}
