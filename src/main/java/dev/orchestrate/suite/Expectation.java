package dev.orchestrate.suite;

import dev.orchestrate.diagnosis.Defect;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The verdict a cell should have, from the suite's {@code expect} section: a fault suite checks
 * itself (the faulty cells must fail, and with the defect the fault causes), and a lab keeps a known
 * driver bug, tracked as {@code ticket}, from counting as a new failure.
 *
 * @param passes whether the cell should pass; a cell expected to fail may name its defect and ticket
 * @param at the {@code expect} entry that gave it, for messages that say why a cell was expected so
 */
public record Expectation(boolean passes, Optional<Defect> defect, Optional<String> ticket, Location at) {

    public Expectation {
        if (passes && (defect.isPresent() || ticket.isPresent())) {
            throw new IllegalArgumentException("a cell expected to pass has no defect or ticket");
        }
    }

    /** "passed", "failed", "failed with flush-dropped", "failed with flush-dropped (DRV-1234)". */
    public String describe() {
        return (passes ? "passed" : "failed") + defect.map(d -> " with " + d.label()).orElse("")
                + ticket.map(t -> " (" + t + ")").orElse("");
    }

    /**
     * One entry of {@code expect}: it matches a cell whose value of every axis in {@code when} is
     * one of the values listed there (compared as text); an empty {@code when} matches every cell.
     */
    public record Rule(Map<String, List<String>> when, Expectation expectation) {

        public Rule {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            when.forEach((axis, values) -> copy.put(axis, List.copyOf(values)));
            when = Collections.unmodifiableMap(copy);
        }

        public boolean matches(Cell cell) {
            return matches(when, cell);
        }

        static boolean matches(Map<String, List<String>> when, Cell cell) {
            return when.entrySet().stream().allMatch(e -> {
                String value = cell.axis(e.getKey());
                return value != null && e.getValue().contains(value);
            });
        }
    }
}
