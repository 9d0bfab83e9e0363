package dev.orchestrate.suite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Reads and checks a suite file; either a {@link Suite} every cell of which resolves, or every problem found. */
public final class SuiteLoader {

    /** The scalar top-level keys; {@link #STRUCTURE} lists the others, which hold sections. */
    public static final Section TOP = Section.of("suite", "a suite file", List.of(
            Key.required("name", Key.Type.TEXT, "the suite's name: letters, digits, '.', '_' and '-'; names the report directory"),
            Key.optional("description", Key.Type.TEXT, "", "what the suite checks and why, shown in the report"),
            Key.choice("sector-size", "4KiB", List.of("512", "4KiB"), "the stamp unit: every sector of this size carries its own header")));

    public static final Map<String, String> STRUCTURE = structure();

    private static final String NAME_FORM = "[A-Za-z0-9._-]+";
    private static final String AXIS_FORM = "[a-z][a-z0-9-]*";

    private final Vocabulary vocabulary;
    /** A file whose mapping stands in for the suite's 'target', or null. */
    private final Path targetFile;

    public SuiteLoader(Vocabulary vocabulary) {
        this(vocabulary, null);
    }

    private SuiteLoader(Vocabulary vocabulary, Path targetFile) {
        this.vocabulary = vocabulary;
        this.targetFile = targetFile;
    }

    /** A loader that takes the target from {@code file} (a mapping like a suite's 'target') instead of each suite's own. */
    public SuiteLoader withTarget(Path file) {
        return new SuiteLoader(vocabulary, file);
    }

    private static Map<String, String> structure() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("target", "the device under test: a mapping with 'kind' and that kind's keys; without it, the host's embedded target "
                + "(the emulated controller on Linux, a RAM disk on macOS); its keys but 'kind' may follow the matrix "
                + "('max-transfer: ${limit}'), and the run opens one target per distinct mapping its cells resolve to");
        m.put("tools", "named tool settings for copy steps: each a name and a mapping with 'tool' and that tool's keys, e.g. "
                + "'dd-direct: {tool: dd, oflag: direct}'; a matrix axis lists the name like any tool, "
                + "so one axis can vary a tool's own options");
        m.put("matrix", "named axes, each a list of values; every combination is one cell (one I/O pattern, one test)");
        m.put("defaults", "named values that ${name} references fall back to when no axis has that name");
        m.put("steps", "the ordered steps of every cell; a step is a kind ('- sync') or a kind with options ('- copy: {tool: ${tool}}')");
        m.put(Expect.SECTION, "the verdict cells should have: a list of entries, each an 'outcome' (passed or failed) and the cells "
                + "it applies to ('when'); a cell takes the first entry that matches it, and a cell no entry matches has no expectation");
        return Collections.unmodifiableMap(m);
    }

    public Suite load(Path file) throws InvalidSuite {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidSuite(new Problem(new Location(file.toString(), 1, 1), "cannot read the suite: " + e.getMessage()));
        }
        return parse(file, text);
    }

    public Suite parse(Path file, String text) throws InvalidSuite {
        String label = file.toString();
        Node root = YamlReader.read(label, text);
        List<Problem> problems = new ArrayList<>();
        if (!(root instanceof Node.Mapping top)) {
            throw new InvalidSuite(new Problem(root.at(), "a suite is a mapping of keys (name, target, matrix, steps); found "
                    + root.kind()));
        }
        Map<String, Value> scalars = new LinkedHashMap<>();
        Map<String, Location> keyAt = new HashMap<>();
        List<String> known = Stream.concat(TOP.keys().stream().map(Key::name), STRUCTURE.keySet().stream()).toList();
        for (Node.Entry e : top.entries().values()) {
            keyAt.put(e.key(), e.keyAt());
            if (!known.contains(e.key())) {
                problems.add(new Problem(e.keyAt(), "unknown key '" + e.key() + "' in suite" + hintOrList(e.key(), known)));
            } else if (!STRUCTURE.containsKey(e.key())) {
                scalar(e, problems).ifPresent(v -> scalars.put(e.key(), v));
            }
        }
        Options head = TOP.resolve(scalars, keyAt, top.at(), problems);
        head.find("name").filter(v -> !v.text().matches(NAME_FORM)).ifPresent(v ->
                problems.add(new Problem(v.at(), "name '" + v.text() + "' may hold only letters, digits, '.', '_' and '-'")));

        Unresolved target = target(targetFile == null ? entry(top, "target") : targetOverride(), top, problems);
        Map<String, Preset> tools = tools(entry(top, "tools"), problems);
        List<Axis> axes = matrix(entry(top, "matrix"), problems);
        Map<String, Value> defaults = defaults(entry(top, "defaults"), problems);
        List<Unresolved> steps = steps(top, problems);
        List<Expectation.Rule> expect = Expect.rules(entry(top, Expect.SECTION), axes, problems);
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        int sectorSize = (int) Size.parse(head.text("sector-size")).bytes();
        Suite suite = new Suite(head.text("name"), head.text("description"), file, top.at(), sectorSize, target,
                tools, axes, defaults, steps, expect, vocabulary);
        checkReferences(suite, problems);
        for (Cell cell : suite.cells()) {
            Interpolation.target(suite, cell, problems);
            Interpolation.resolve(suite, cell, problems);
        }
        if (problems.isEmpty()) {
            vocabulary.checks().forEach(check -> check.check(suite, problems));
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return suite;
    }

    private static InvalidSuite invalid(List<Problem> problems) {
        List<Problem> unique = new ArrayList<>(new LinkedHashSet<>(problems));
        unique.sort(Comparator.comparingInt((Problem p) -> p.at().line()).thenComparingInt(p -> p.at().column()));
        return new InvalidSuite(unique);
    }

    private static String hintOrList(String word, List<String> known) {
        String hint = Suggest.hint(word, known);
        return hint.isEmpty() ? "; known keys: " + String.join(", ", known) : hint;
    }

    private static Node.Entry entry(Node.Mapping map, String key) {
        return map.entries().get(key);
    }

    static Optional<Value> scalar(Node.Entry e, List<Problem> problems) {
        if (e.value() instanceof Node.Scalar s && s.text() != null) {
            return Optional.of(new Value(s.text(), s.at()));
        }
        problems.add(new Problem(e.value().at(), "'" + e.key() + "' takes a single value; found "
                + (e.value() instanceof Node.Scalar ? "nothing" : e.value().kind())));
        return Optional.empty();
    }

    /** The target file's mapping, as if it stood under 'target:' in the suite; its problems point into that file. */
    private Node.Entry targetOverride() throws InvalidSuite {
        String text;
        try {
            text = Files.readString(targetFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidSuite(new Problem(new Location(targetFile.toString(), 1, 1), "cannot read the target file: " + e.getMessage()
                    + "; --target names a YAML file holding a target mapping, e.g. 'kind: linux-block' and its keys"));
        }
        Node node = YamlReader.read(targetFile.toString(), text);
        return new Node.Entry("target", node.at(), node);
    }

    /**
     * The target mapping as written; its keys are checked per cell, as their references resolve. The
     * kind takes no reference: a suite runs on one kind of target.
     */
    private Unresolved target(Node.Entry e, Node.Mapping top, List<Problem> problems) {
        Map<String, Value> values = new LinkedHashMap<>();
        Map<String, Location> keyAt = new HashMap<>();
        if (e == null) {
            values.put("kind", new Value(vocabulary.defaultTarget(), top.at()));
            return new Unresolved("target", top.at(), values, keyAt);
        }
        if (!(e.value() instanceof Node.Mapping m)) {
            problems.add(new Problem(e.value().at(), "'target' is a mapping with 'kind' and that kind's keys; found " + e.value().kind()));
            return null;
        }
        for (Node.Entry option : m.entries().values()) {
            keyAt.put(option.key(), option.keyAt());
            scalar(option, problems).ifPresent(v -> values.put(option.key(), v));
        }
        values.putIfAbsent("kind", new Value(vocabulary.defaultTarget(), m.at()));
        Value kind = values.get("kind");
        if (Interpolation.REFERENCE.matcher(kind.text()).find()) {
            problems.add(new Problem(kind.at(), "the target's kind takes no ${reference}: a suite runs on one kind of target; "
                    + "its other keys may follow the matrix, e.g. 'max-transfer: ${limit}'"));
        }
        return new Unresolved("target", m.at(), values, keyAt);
    }

    /** Each preset must name a tool of the copy step (not another preset) and only that tool's keys. */
    private Map<String, Preset> tools(Node.Entry e, List<Problem> problems) {
        Map<String, Preset> presets = new LinkedHashMap<>();
        if (e == null) {
            return presets;
        }
        if (!(e.value() instanceof Node.Mapping m)) {
            problems.add(new Problem(e.value().at(), "'tools' is a mapping of names to tool settings, "
                    + "e.g. 'dd-direct: {tool: dd, oflag: direct}'; found "
                    + e.value().kind()));
            return presets;
        }
        Section copy = vocabulary.steps().get(Preset.STEP);
        for (Node.Entry named : m.entries().values()) {
            if (!named.key().matches(NAME_FORM)) {
                problems.add(new Problem(named.keyAt(), "tool name '" + named.key() + "' may hold only letters, digits, '.', '_' and '-'"));
            } else if (copy.variants().containsKey(named.key())) {
                problems.add(new Problem(named.keyAt(), "'" + named.key()
                        + "' is already a tool; give the setting a name of its own, e.g. '"
                        + named.key() + "-" + "custom'"));
            }
            if (!(named.value() instanceof Node.Mapping settings)) {
                problems.add(new Problem(named.value().at(), "tool '" + named.key()
                        + "' is a mapping with 'tool' and that tool's keys; found " + named.value().kind()));
                continue;
            }
            Map<String, Value> options = new LinkedHashMap<>();
            Map<String, Location> keyAt = new HashMap<>();
            for (Node.Entry option : settings.entries().values()) {
                keyAt.put(option.key(), option.keyAt());
                scalar(option, problems).ifPresent(v -> options.put(option.key(), v));
            }
            if (options.values().stream().anyMatch(v -> Interpolation.REFERENCE.matcher(v.text()).find())) {
                problems.add(new Problem(settings.at(), "tool '" + named.key() + "' holds a ${reference}; tool settings are fixed values, "
                        + "vary them with one setting per value in the matrix"));
            } else {
                copy.resolve(options, keyAt, settings.at(), problems);
            }
            presets.put(named.key(), new Preset(named.key(), named.keyAt(), options, keyAt));
        }
        return presets;
    }

    private static List<Axis> matrix(Node.Entry e, List<Problem> problems) {
        List<Axis> axes = new ArrayList<>();
        if (e == null) {
            return axes;
        }
        if (!(e.value() instanceof Node.Mapping m)) {
            problems.add(new Problem(e.value().at(), "'matrix' is a mapping of axis names to lists of values; found " + e.value().kind()));
            return axes;
        }
        for (Node.Entry axis : m.entries().values()) {
            if (!axis.key().matches(AXIS_FORM)) {
                problems.add(new Problem(axis.keyAt(), "axis name '" + axis.key()
                        + "' must be lower case letters, digits and '-', starting with a letter"));
            }
            List<Value> values = switch (axis.value()) {
                case Node.Sequence s -> s.items().stream().map(item -> axisValue(item, axis.key(), problems)).toList();
                case Node.Scalar s when s.text() != null -> List.of(new Value(s.text(), s.at()));
                default -> List.of();
            };
            if (values.isEmpty()) {
                problems.add(new Problem(axis.value().at(), "axis '" + axis.key() + "' needs at least one value, e.g. [cp, dd]"));
            }
            Set<String> seen = new HashSet<>();
            values.stream().filter(v -> !seen.add(v.text())).forEach(v ->
                    problems.add(new Problem(v.at(), "axis '" + axis.key() + "' lists '" + v.text() + "' twice")));
            axes.add(new Axis(axis.key(), axis.keyAt(), values));
        }
        return axes;
    }

    private static Value axisValue(Node item, String axis, List<Problem> problems) {
        if (item instanceof Node.Scalar s && s.text() != null) {
            return new Value(s.text(), s.at());
        }
        problems.add(new Problem(item.at(), "values of axis '" + axis + "' are single values; found " + item.kind()));
        return new Value("", item.at());
    }

    private static Map<String, Value> defaults(Node.Entry e, List<Problem> problems) {
        Map<String, Value> defaults = new LinkedHashMap<>();
        if (e == null) {
            return defaults;
        }
        if (!(e.value() instanceof Node.Mapping m)) {
            problems.add(new Problem(e.value().at(), "'defaults' is a mapping of names to values; found " + e.value().kind()));
            return defaults;
        }
        for (Node.Entry d : m.entries().values()) {
            scalar(d, problems).ifPresent(v -> defaults.put(d.key(), v));
        }
        return defaults;
    }

    private List<Unresolved> steps(Node.Mapping top, List<Problem> problems) {
        Node.Entry e = entry(top, "steps");
        List<Unresolved> steps = new ArrayList<>();
        if (e == null || !(e.value() instanceof Node.Sequence list) || list.items().isEmpty()) {
            problems.add(new Problem(e == null ? top.at() : e.value().at(),
                    "suite needs 'steps', a list such as [generate, copy, sync, verify]"));
            return steps;
        }
        for (Node item : list.items()) {
            step(item, problems).ifPresent(steps::add);
        }
        if (!steps.isEmpty() && steps.stream().noneMatch(s -> s.kind().equals("verify"))) {
            problems.add(new Problem(e.value().at(), "steps have no 'verify': a cell that never reads back can only pass; "
                    + "add '- verify' after the last copy or lifecycle step"));
        }
        return steps;
    }

    private Optional<Unresolved> step(Node item, List<Problem> problems) {
        String kind;
        Location kindAt;
        Node optionsNode = null;
        if (item instanceof Node.Scalar s && s.text() != null) {
            kind = s.text();
            kindAt = s.at();
        } else if (item instanceof Node.Mapping m && m.entries().size() == 1) {
            Node.Entry only = m.entries().values().iterator().next();
            kind = only.key();
            kindAt = only.keyAt();
            optionsNode = only.value();
        } else {
            problems.add(new Problem(item.at(), "a step is a kind ('- sync') or one kind with its options ('- copy: {tool: cp}'); found "
                    + item.kind()));
            return Optional.empty();
        }
        Section section = vocabulary.steps().get(kind);
        if (section == null) {
            problems.add(new Problem(kindAt, "unknown step '" + kind + "'" + Suggest.hint(kind, vocabulary.steps().keySet())
                    + "; steps are " + String.join(", ", vocabulary.steps().keySet().stream().sorted().toList())));
            return Optional.empty();
        }
        Map<String, Value> options = new LinkedHashMap<>();
        Map<String, Location> keyAt = new HashMap<>();
        if (optionsNode instanceof Node.Mapping m) {
            for (Node.Entry option : m.entries().values()) {
                keyAt.put(option.key(), option.keyAt());
                scalar(option, problems).ifPresent(v -> options.put(option.key(), v));
            }
        } else if (optionsNode != null && !(optionsNode instanceof Node.Scalar s && s.text() == null)) {
            problems.add(new Problem(optionsNode.at(), "options of step '" + kind + "' are a mapping such as {key: value}; found "
                    + optionsNode.kind()));
        }
        return Optional.of(new Unresolved(kind, kindAt, options, keyAt));
    }

    /** Every axis and default must be used, and every reference must name one: both catch typos early. */
    private static void checkReferences(Suite suite, List<Problem> problems) {
        Set<String> used = new TreeSet<>();
        Stream.concat(Stream.of(suite.target()), suite.steps().stream())
                .forEach(written -> written.options().values().forEach(v -> used.addAll(Interpolation.references(v.text()))));
        for (Axis axis : suite.axes()) {
            if (!used.contains(axis.name())) {
                problems.add(new Problem(axis.at(), "axis '" + axis.name() + "' is not used by any step or target key"
                        + Suggest.hint(axis.name(), used) + "; refer to it as ${" + axis.name() + "} in a step option or target key,"
                        + " or remove it"));
            }
        }
    }
}
