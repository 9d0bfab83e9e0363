package dev.orchestrate.suite;

import dev.orchestrate.diagnosis.Defect;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The suite's {@code expect} section: its entry keys, declared once for validation, the schema and
 * the reference, and the checks that every entry is well formed, matches some cell and can be reached.
 */
final class Expect {

    static final String SECTION = "expect";
    static final String HELP = "What each cell's verdict should be: a fault suite says which cells must fail, and with which defect, "
            + "and a failure that is a known driver bug names its ticket. A cell takes the first entry whose 'when' matches all of its "
            + "axis values; a cell no entry matches has no expectation. An entry that matches no cell, or all of whose cells an "
            + "earlier entry takes, is refused.";
    static final String WHEN = "when";
    static final String WHEN_HELP = "the cells the entry applies to: axis names, each with a value or a list of values (any of them "
            + "matches), e.g. {fault: [ignore-flush], tool: cp}; without 'when', every cell";
    static final String PASSED = "passed";
    static final String FAILED = "failed";

    static final Section ENTRY = Section.of("expect entry", "one expectation and the cells it applies to", List.of(
            Key.choice("outcome", null, List.of(PASSED, FAILED), "the verdict the cells must have"),
            new Key("defect", Key.Type.CHOICE, null, Arrays.stream(Defect.values()).map(Defect::label).toList(),
                    "only with 'outcome: failed': the defect the verdict must name", false),
            new Key("ticket", Key.Type.TEXT, null, List.of(),
                    "only with 'outcome: failed': the known driver bug the failure is tracked as, e.g. DRV-1234", false)));

    /** The reference's example, for a matrix with axes 'fault' (none, ignore-flush) and 'tool' (cp, dd); a test loads it. */
    static final String EXAMPLE = """
            expect:
              - when: {fault: none}            # the control cells
                outcome: passed
              - when: {fault: ignore-flush, tool: [cp, dd]}
                outcome: failed
                defect: flush-dropped          # the verdict must name this defect
                ticket: DRV-1234               # the known driver bug the failure is tracked as
            """;

    /** An entry's {@code when} as written, kept for the reach check even when the rest of the entry is wrong. */
    private record Written(Map<String, List<String>> when, Location at) {
    }

    private Expect() {
    }

    /** The rules of {@code e} (null: the suite has no 'expect'), checked against the matrix {@code axes}. */
    static List<Expectation.Rule> rules(Node.Entry e, List<Axis> axes, List<Problem> problems) {
        List<Expectation.Rule> rules = new ArrayList<>();
        if (e == null) {
            return rules;
        }
        if (!(e.value() instanceof Node.Sequence list)) {
            problems.add(new Problem(e.value().at(), "'expect' is a list of entries such as '- {when: {fault: none}, outcome: passed}'; "
                    + "found " + found(e.value())));
            return rules;
        }
        Map<String, Axis> byName = new LinkedHashMap<>();
        axes.forEach(axis -> byName.put(axis.name(), axis));
        List<Written> written = new ArrayList<>();
        for (Node item : list.items()) {
            entry(item, byName, written, problems).ifPresent(rules::add);
        }
        reach(written, Suite.cells(axes), problems);
        return rules;
    }

    private static Optional<Expectation.Rule> entry(Node item, Map<String, Axis> axes, List<Written> written, List<Problem> problems) {
        if (!(item instanceof Node.Mapping m)) {
            problems.add(new Problem(item.at(), "an expect entry is a mapping with 'outcome' and, if it applies to some cells only, "
                    + "'when', e.g. '- {when: {fault: none}, outcome: passed}'; found " + found(item)));
            return Optional.empty();
        }
        int before = problems.size();
        List<String> known = new ArrayList<>(List.of(WHEN));
        ENTRY.keys().forEach(key -> known.add(key.name()));
        Map<String, Value> given = new LinkedHashMap<>();
        for (Node.Entry option : m.entries().values()) {
            if (!known.contains(option.key())) {
                String hint = Suggest.hint(option.key(), known);
                problems.add(new Problem(option.keyAt(), "unknown key '" + option.key() + "' in expect entry"
                        + (hint.isEmpty() ? "; known keys: " + String.join(", ", known) : hint)));
            } else if (!option.key().equals(WHEN)) {
                SuiteLoader.scalar(option, problems).ifPresent(v -> given.put(option.key(), v));
            }
        }
        Node.Entry whenEntry = m.entries().get(WHEN);
        Map<String, List<String>> when = whenEntry == null ? Map.of() : when(whenEntry, axes, problems);
        if (when != null) {
            written.add(new Written(when, m.at()));
        }
        for (Key key : ENTRY.keys()) {
            Value value = given.get(key.name());
            String problem = value == null ? null : key.problemWith(value.text());
            if (problem == null && value != null && value.text().isBlank()) {
                problem = "'" + key.name() + "' is empty; " + key.help();
            }
            if (problem != null) {
                problems.add(new Problem(value.at(), problem));
            } else if (key.required() && !m.entries().containsKey(key.name())) {
                problems.add(new Problem(m.at(), "expect entry needs '" + key.name() + "': " + key.help()));
            }
        }
        boolean passes = Optional.ofNullable(given.get("outcome")).filter(v -> v.text().equals(PASSED)).isPresent();
        for (String failedOnly : List.of("defect", "ticket")) {
            if (passes && m.entries().containsKey(failedOnly)) {
                problems.add(new Problem(m.entries().get(failedOnly).keyAt(), "'" + failedOnly + "' goes with 'outcome: failed': "
                        + (failedOnly.equals("defect") ? "a cell expected to pass has no defect to name"
                                : "a cell expected to pass has no failure to track")));
            }
        }
        if (problems.size() > before || when == null) {
            return Optional.empty();
        }
        Optional<Defect> defect = Optional.ofNullable(given.get("defect")).map(v -> Defect.of(v.text()).orElseThrow());
        Optional<String> ticket = Optional.ofNullable(given.get("ticket")).map(Value::text);
        return Optional.of(new Expectation.Rule(when, new Expectation(passes, defect, ticket, m.at())));
    }

    /** The axis values of {@code e}, by axis; null when 'when' is not a mapping. */
    private static Map<String, List<String>> when(Node.Entry e, Map<String, Axis> axes, List<Problem> problems) {
        if (!(e.value() instanceof Node.Mapping m) || m.entries().isEmpty()) {
            problems.add(new Problem(e.value().at(), "'when' is a mapping of axis names to a value or a list of values, "
                    + "e.g. {fault: [none, ignore-flush]}; found " + found(e.value())
                    + "; leave 'when' out for an entry that applies to every cell"));
            return null;
        }
        Map<String, List<String>> when = new LinkedHashMap<>();
        for (Node.Entry named : m.entries().values()) {
            Axis axis = axes.get(named.key());
            if (axis == null) {
                problems.add(new Problem(named.keyAt(), "'when' names axis '" + named.key() + "', which the matrix does not have"
                        + Suggest.hint(named.key(), axes.keySet())
                        + (axes.isEmpty() ? "; the suite has no matrix" : "; its axes: " + String.join(", ", axes.keySet()))));
            }
            List<Value> values = values(named, problems);
            if (axis != null) {
                List<String> texts = axis.values().stream().map(Value::text).toList();
                values.stream().filter(v -> !texts.contains(v.text())).forEach(v -> problems.add(new Problem(v.at(),
                        "axis '" + axis.name() + "' has no value '" + v.text() + "'" + Suggest.hint(v.text(), texts)
                                + "; its values: " + String.join(", ", texts))));
            }
            when.put(named.key(), values.stream().map(Value::text).toList());
        }
        return when;
    }

    private static List<Value> values(Node.Entry named, List<Problem> problems) {
        List<Node> items = named.value() instanceof Node.Sequence s ? s.items() : List.of(named.value());
        if (items.isEmpty()) {
            problems.add(new Problem(named.value().at(), "axis '" + named.key()
                    + "' in 'when' needs at least one value, e.g. [none, ignore-flush]"));
        }
        List<Value> values = new ArrayList<>();
        for (Node item : items) {
            if (item instanceof Node.Scalar v && v.text() != null) {
                values.add(new Value(v.text(), v.at()));
            } else {
                problems.add(new Problem(item.at(), "axis '" + named.key() + "' in 'when' takes a value or a list of values; found "
                        + found(item)));
            }
        }
        return values;
    }

    private static String found(Node node) {
        return switch (node) {
            case Node.Scalar s when s.text() == null -> "nothing";
            case Node.Mapping m when m.entries().isEmpty() -> "an empty mapping";
            default -> node.kind();
        };
    }

    /** Each entry must match a cell, and some cell it matches must not be taken by an earlier entry, which wins. */
    private static void reach(List<Written> written, List<Cell> cells, List<Problem> problems) {
        if (cells.isEmpty()) {
            return; // the matrix itself is wrong, and says so
        }
        Written[] takenBy = new Written[cells.size()];
        for (Written entry : written) {
            List<Cell> matched = cells.stream().filter(c -> Expectation.Rule.matches(entry.when(), c)).toList();
            if (matched.isEmpty()) {
                problems.add(new Problem(entry.at(), "this entry matches no cell of the matrix, so it checks nothing; "
                        + "its 'when' must name values the matrix has"));
            } else if (matched.stream().allMatch(c -> takenBy[c.ordinal()] != null)) {
                TreeSet<Integer> lines = new TreeSet<>();
                matched.forEach(c -> lines.add(takenBy[c.ordinal()].at().line()));
                problems.add(new Problem(entry.at(), "this entry is never reached: every cell it matches takes the expectation of "
                        + "an earlier entry (" + (lines.size() == 1 ? "line " : "lines ")
                        + String.join(", ", lines.stream().map(String::valueOf).toList())
                        + "), since the first entry that matches a cell wins; remove it or move it up"));
            } else {
                matched.forEach(c -> takenBy[c.ordinal()] = takenBy[c.ordinal()] == null ? entry : takenBy[c.ordinal()]);
            }
        }
    }
}
