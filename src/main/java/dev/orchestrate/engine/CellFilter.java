package dev.orchestrate.engine;

import dev.orchestrate.suite.Axis;
import dev.orchestrate.suite.Cell;
import dev.orchestrate.suite.Suggest;
import dev.orchestrate.suite.Suite;
import dev.orchestrate.suite.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --only tool=cp --only size=1MiB}: values of one axis are alternatives, different axes must
 * all match. Written as the configuration parameter {@code orchestrate.only=tool=cp,size=1MiB}.
 */
public record CellFilter(Map<String, Set<String>> wanted) {

    public static final String PARAMETER = "orchestrate.only";
    public static final CellFilter ALL = new CellFilter(Map.of());

    /** Parses {@code axis=value} terms; a term without '=' is an error naming the form. */
    public static CellFilter parse(List<String> terms) {
        Map<String, Set<String>> wanted = new LinkedHashMap<>();
        for (String term : terms) {
            int eq = term.indexOf('=');
            if (eq <= 0 || eq == term.length() - 1) {
                throw new IllegalArgumentException("--only '" + term + "' is not of the form axis=value, e.g. --only tool=cp");
            }
            wanted.computeIfAbsent(term.substring(0, eq).strip(), k -> new LinkedHashSet<>()).add(term.substring(eq + 1).strip());
        }
        return new CellFilter(wanted);
    }

    public static CellFilter parse(String parameter) {
        return parameter == null || parameter.isBlank() ? ALL : parse(List.of(parameter.split(",")));
    }

    public String asParameter() {
        return String.join(",", terms());
    }

    /** The filter as --only terms, axis=value. */
    public List<String> terms() {
        List<String> terms = new ArrayList<>();
        wanted.forEach((axis, values) -> values.forEach(v -> terms.add(axis + "=" + v)));
        return terms;
    }

    public boolean matches(Cell cell) {
        return wanted.entrySet().stream().allMatch(w -> w.getValue().contains(cell.axis(w.getKey())));
    }

    /** What in the filter names no axis or value of {@code suite}, with suggestions; empty when all is known. */
    public List<String> problemsWith(Suite suite) {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> axes = new LinkedHashMap<>();
        for (Axis axis : suite.axes()) {
            axes.put(axis.name(), axis.values().stream().map(Value::text).toList());
        }
        wanted.forEach((axis, values) -> {
            if (!axes.containsKey(axis)) {
                problems.add("--only " + axis + "=...: suite '" + suite.name() + "' has no axis '" + axis + "'"
                        + Suggest.hint(axis, axes.keySet())
                        + (axes.isEmpty() ? "; it has no matrix" : "; axes: " + String.join(", ", axes.keySet())));
                return;
            }
            values.stream().filter(v -> !axes.get(axis).contains(v)).forEach(v ->
                    problems.add("--only " + axis + "=" + v + ": axis '" + axis + "' has no value '" + v + "'"
                            + Suggest.hint(v, axes.get(axis))
                            + "; values: " + String.join(", ", axes.get(axis))));
        });
        return problems;
    }
}
