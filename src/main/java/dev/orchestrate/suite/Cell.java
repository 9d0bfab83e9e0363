package dev.orchestrate.suite;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One point of the matrix: one I/O pattern, one test. {@code ordinal} is its position in the full
 * matrix, stable whatever filter selects it, so device regions and file ids do not move between runs.
 */
public record Cell(int ordinal, Map<String, Value> axes) {

    public Cell {
        axes = Collections.unmodifiableMap(new LinkedHashMap<>(axes));
    }

    /** {@code tool=cp size=1MiB}: the display name and the stable identity of the cell. */
    public String name() {
        return axes.isEmpty() ? "single" : axes.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().text())
                .collect(Collectors.joining(" "));
    }

    /** A file-system friendly form of the name, for directories. */
    public String slug() {
        return slug(ordinal, name());
    }

    /** The directory name of cell {@code ordinal} called {@code name}: "003-tool=cp_size=4KiB", sorted as the matrix. */
    public static String slug(int ordinal, String name) {
        return String.format("%03d-", ordinal) + name.replaceAll("[^A-Za-z0-9._=-]+", "_");
    }

    /** Each axis's value as text, in matrix order: what a manifest and a summary record of the cell, and how a later run finds it again. */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        axes.forEach((axis, value) -> values.put(axis, value.text()));
        return values;
    }

    public String axis(String name) {
        Value v = axes.get(name);
        return v == null ? null : v.text();
    }
}
