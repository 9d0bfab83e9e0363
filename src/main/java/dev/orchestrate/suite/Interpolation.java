package dev.orchestrate.suite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Resolves {@code ${name}} in step options and target keys from the cell's axis values, then from the suite's defaults. */
final class Interpolation {

    static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");

    private Interpolation() {
    }

    static List<Step> resolve(Suite suite, Cell cell, List<Problem> problems) {
        List<Step> steps = new ArrayList<>();
        for (Unresolved spec : suite.steps()) {
            Map<String, Value> resolved = substitute(spec.options(), cell, suite.defaults(), problems);
            Map<String, Location> keyAt = spec.keyLocations();
            Preset preset = spec.kind().equals(Preset.STEP) && resolved.containsKey(Preset.SELECTOR)
                    ? suite.tools().get(resolved.get(Preset.SELECTOR).text()) : null;
            if (preset != null) {
                resolved = preset.applyTo(resolved, keyAt, problems);
                keyAt = preset.locate(keyAt);
            }
            Section section = suite.vocabulary().steps().get(spec.kind());
            Options options = section.resolve(resolved, keyAt, spec.at(), problems);
            steps.add(new Step(spec.kind(), spec.at(), options));
        }
        return steps;
    }

    /** The cell's target: the suite's target keys, references resolved, checked against the target's section. */
    static Options target(Suite suite, Cell cell, List<Problem> problems) {
        Unresolved target = suite.target();
        return suite.vocabulary().target().resolve(substitute(target.options(), cell, suite.defaults(), problems),
                target.keyLocations(), target.at(), problems);
    }

    private static Map<String, Value> substitute(Map<String, Value> options, Cell cell, Map<String, Value> defaults,
                                                 List<Problem> problems) {
        Map<String, Value> resolved = new LinkedHashMap<>();
        options.forEach((key, value) -> resolved.put(key, substitute(value, cell, defaults, problems)));
        return resolved;
    }

    /** A value that is exactly one reference takes the referenced value's location, so errors point at the matrix. */
    private static Value substitute(Value value, Cell cell, Map<String, Value> defaults, List<Problem> problems) {
        Matcher m = REFERENCE.matcher(value.text());
        if (m.matches()) {
            Value target = lookup(m.group(1), value, cell, defaults, problems);
            return target == null ? value : target;
        }
        StringBuilder out = new StringBuilder();
        m.reset();
        while (m.find()) {
            Value target = lookup(m.group(1), value, cell, defaults, problems);
            m.appendReplacement(out, Matcher.quoteReplacement(target == null ? m.group() : target.text()));
        }
        m.appendTail(out);
        return new Value(out.toString(), value.at());
    }

    private static Value lookup(String name, Value in, Cell cell, Map<String, Value> defaults, List<Problem> problems) {
        Value found = cell.axes().containsKey(name) ? cell.axes().get(name) : defaults.get(name);
        if (found == null) {
            Set<String> known = new TreeSet<>(cell.axes().keySet());
            known.addAll(defaults.keySet());
            problems.add(new Problem(in.at(), "'${" + name + "}' refers to nothing: no matrix axis or default is named '" + name + "'"
                    + Suggest.hint(name, known) + (known.isEmpty() ? "" : "; known: " + String.join(", ", known))));
        }
        return found;
    }

    /** The names referenced anywhere in {@code text}. */
    static Set<String> references(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
