package dev.orchestrate.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrate.suite.Axis;
import dev.orchestrate.suite.Cell;
import dev.orchestrate.suite.Suggest;
import dev.orchestrate.suite.Suite;
import dev.orchestrate.suite.Value;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code --only tool=cp --only size=1MiB}: values of one axis are alternatives, different axes must
 * all match. Written as the configuration parameter {@code orchestrate.only=tool=cp,size=1MiB}.
 * {@code --rerun-failed} narrows it further to cells picked by their axis values, their identity
 * whatever their ordinal in a suite edited since: the parameter {@code orchestrate.cells}, a JSON array
 * of objects ({@code [{"tool":"cp","size":"1MiB"}]}), as axis values may hold commas.
 *
 * @param picked the axis values of the cells to keep; empty to keep every cell {@code wanted} matches
 */
public record CellFilter(Map<String, Set<String>> wanted, Optional<Set<Map<String, String>>> picked) {

    public static final String PARAMETER = "orchestrate.only";
    public static final String CELLS = "orchestrate.cells";
    public static final CellFilter ALL = new CellFilter(Map.of(), Optional.empty());

    private static final ObjectMapper JSON = new ObjectMapper();

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
        return new CellFilter(wanted, Optional.empty());
    }

    /** The filter the configuration parameters {@link #PARAMETER} and {@link #CELLS} hold; null or empty is none. */
    public static CellFilter parse(String only, String cells) {
        CellFilter filter = only == null || only.isBlank() ? ALL : parse(List.of(only.split(",")));
        if (cells == null || cells.isBlank()) {
            return filter;
        }
        try {
            return filter.picking(JSON.readValue(cells, new TypeReference<List<Map<String, String>>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(CELLS + " '" + cells + "' is not a JSON array of axis values, e.g. [{\"tool\":\"cp\"}]", e);
        }
    }

    /** This filter, keeping only the cells with these axis values. */
    public CellFilter picking(Collection<Map<String, String>> cells) {
        return new CellFilter(wanted, Optional.of(Collections.unmodifiableSet(new LinkedHashSet<>(cells))));
    }

    public String asParameter() {
        return String.join(",", terms());
    }

    /** {@link #picked} as the parameter {@link #CELLS}; empty when every cell is kept. */
    public String cellsParameter() {
        try {
            return picked.isEmpty() ? "" : JSON.writeValueAsString(picked.get());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("axis values are strings, always written as JSON", e);
        }
    }

    /** The filter as --only terms, axis=value. */
    public List<String> terms() {
        List<String> terms = new ArrayList<>();
        wanted.forEach((axis, values) -> values.forEach(v -> terms.add(axis + "=" + v)));
        return terms;
    }

    /** Whether the cell has the axis values {@code --only} asks for. */
    public boolean matches(Cell cell) {
        return wanted.entrySet().stream().allMatch(w -> w.getValue().contains(cell.axis(w.getKey())));
    }

    /** Whether the cell is one of those {@link #picked}, or nothing is picked. */
    public boolean picks(Cell cell) {
        return picked.map(cells -> cells.contains(cell.values())).orElse(true);
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
