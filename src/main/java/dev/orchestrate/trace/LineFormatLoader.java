package dev.orchestrate.trace;

import dev.orchestrate.suite.InvalidSuite;
import dev.orchestrate.suite.Location;
import dev.orchestrate.suite.Node;
import dev.orchestrate.suite.Problem;
import dev.orchestrate.suite.Size;
import dev.orchestrate.suite.Suggest;
import dev.orchestrate.suite.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a line format file (YAML) and checks all of it before any log is read, so that a mistake
 * in the format is named at its line and never shows up as every line of a log failing to match.
 */
final class LineFormatLoader {

    static final List<String> KEYS = List.of("description", "line", "select", "ignore", "block-size", "time-unit", "ops");
    static final List<String> GROUPS = List.of("op", "lba", "offset", "length", "blocks", "result", "time");
    private static final Map<String, Long> UNITS = unitsInOrder();
    private static final List<String> DECLARABLE = List.of("read", "write", "fsync", "discard", "other");

    private final List<String> problems = new ArrayList<>();

    private LineFormatLoader() {
    }

    private static Map<String, Long> unitsInOrder() {
        Map<String, Long> units = new LinkedHashMap<>();
        units.put("ns", 1L);
        units.put("us", 1_000L);
        units.put("ms", 1_000_000L);
        units.put("s", 1_000_000_000L);
        return units;
    }

    static String unitName(long nanos) {
        return UNITS.entrySet().stream().filter(e -> e.getValue() == nanos).map(Map.Entry::getKey).findFirst().orElse(nanos + " ns");
    }

    static LineFormat load(Path path) throws LineFormat.Invalid {
        String name = path.toString();
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw new LineFormat.Invalid(List.of(name + ": cannot read the line format: " + e.getMessage()));
        }
        if (text.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("#"))) {
            throw new LineFormat.Invalid(List.of(name + ":1:1: the file is empty; a line format needs at least 'line'"));
        }
        Node root;
        try {
            root = YamlReader.read(name, text);
        } catch (InvalidSuite e) {
            throw new LineFormat.Invalid(e.problems().stream().map(Problem::toString).toList());
        }
        LineFormatLoader loader = new LineFormatLoader();
        LineFormat format = loader.format(root);
        if (!loader.problems.isEmpty()) {
            throw new LineFormat.Invalid(loader.problems);
        }
        return format;
    }

    /** The format, or null with the problems noted. */
    private LineFormat format(Node root) {
        if (!(root instanceof Node.Mapping mapping)) {
            problem(root.at(), "a line format is a mapping of keys (" + String.join(", ", KEYS) + "), not " + root.kind());
            return null;
        }
        mapping.entries().values().stream().filter(e -> !KEYS.contains(e.key()))
                .forEach(e -> problem(e.keyAt(), "unknown key '" + e.key() + "'" + Suggest.hint(e.key(), KEYS)
                        + "; a line format has " + String.join(", ", KEYS)));
        Optional<Node.Entry> lineEntry = Optional.ofNullable(mapping.entries().get("line"));
        if (lineEntry.isEmpty()) {
            problem(root.at(), "no 'line': the regular expression a command's line matches, with a group (?<op>...)");
        }
        Optional<Pattern> line = lineEntry.flatMap(this::pattern);
        line.ifPresent(p -> groups(p, lineEntry.get()));
        Optional<Pattern> select = Optional.ofNullable(mapping.entries().get("select")).flatMap(this::pattern);
        Optional<Pattern> ignore = Optional.ofNullable(mapping.entries().get("ignore")).flatMap(this::pattern);
        long blockSize = Optional.ofNullable(mapping.entries().get("block-size")).map(this::blockSize).orElse(512L);
        long unit = Optional.ofNullable(mapping.entries().get("time-unit")).map(this::unit).orElse(1L);
        DriverOps ops = Optional.ofNullable(mapping.entries().get("ops")).map(this::ops).orElse(DriverOps.STANDARD);
        Optional.ofNullable(mapping.entries().get("description")).ifPresent(this::text);
        return line.map(l -> new LineFormat(l, select, ignore, blockSize, unit, ops)).orElse(null);
    }

    /** The groups of {@code line}: an op, one position, one length, and no others. */
    private void groups(Pattern line, Node.Entry entry) {
        Set<String> named = line.namedGroups().keySet();
        Location at = entry.value().at();
        named.stream().filter(g -> !GROUPS.contains(g)).sorted().forEach(g -> problem(at, "'line' has a group (?<" + g + ">...), which "
                + "a line format does not know" + Suggest.hint(g, GROUPS) + "; the groups are " + String.join(", ", GROUPS)));
        if (!named.contains("op")) {
            problem(at, "'line' has no group (?<op>...): the command's name or SCSI opcode");
        }
        oneOf(named, "lba", "offset", "where the command starts, in blocks or in bytes", at);
        oneOf(named, "blocks", "length", "how much it moves, in blocks or in bytes", at);
    }

    private void oneOf(Set<String> named, String a, String b, String what, Location at) {
        if (named.contains(a) && named.contains(b)) {
            problem(at, "'line' has both (?<" + a + ">...) and (?<" + b + ">...); keep one");
        } else if (!named.contains(a) && !named.contains(b)) {
            problem(at, "'line' needs a group (?<" + a + ">...) or (?<" + b + ">...): " + what);
        }
    }

    private Optional<Pattern> pattern(Node.Entry entry) {
        Optional<String> text = text(entry);
        try {
            return text.map(Pattern::compile);
        } catch (PatternSyntaxException e) {
            problem(entry.value().at(), "'" + entry.key() + "' is not a regular expression: " + e.getDescription()
                    + (e.getIndex() >= 0 ? " at character " + Math.min(e.getIndex() + 1, e.getPattern().length()) : ""));
            return Optional.empty();
        }
    }

    private long blockSize(Node.Entry entry) {
        Optional<String> text = text(entry);
        try {
            long bytes = text.map(t -> Size.parse(t).bytes()).orElse(512L);
            if (bytes > 0) {
                return bytes;
            }
            problem(entry.value().at(), "'block-size' must be more than 0 bytes");
        } catch (IllegalArgumentException e) {
            problem(entry.value().at(), "'block-size': " + e.getMessage());
        }
        return 512L;
    }

    private long unit(Node.Entry entry) {
        Optional<String> text = text(entry);
        if (text.isPresent() && !UNITS.containsKey(text.get())) {
            problem(entry.value().at(), "'time-unit' is '" + text.get() + "'" + Suggest.hint(text.get(), UNITS.keySet())
                    + "; expected one of " + String.join(", ", UNITS.keySet()));
        }
        return text.map(UNITS::get).filter(u -> u != null).orElse(1L);
    }

    /** More names or opcodes, each declared as one of {@link #DECLARABLE}, over the standard table. */
    private DriverOps ops(Node.Entry entry) {
        DriverOps ops = DriverOps.STANDARD;
        if (!(entry.value() instanceof Node.Mapping mapping)) {
            problem(entry.value().at(), "'ops' is a mapping of names or opcodes to read, write, fsync, discard or other, not "
                    + entry.value().kind());
            return ops;
        }
        for (Node.Entry op : mapping.entries().values()) {
            Optional<String> label = text(op);
            if (label.isPresent() && !DECLARABLE.contains(label.get())) {
                problem(op.value().at(), "'" + op.key() + "' is declared '" + label.get() + "'" + Suggest.hint(label.get(), DECLARABLE)
                        + "; an op is one of " + String.join(", ", DECLARABLE));
            } else if (label.isPresent()) {
                ops = ops.with(op.key(), Op.of(label.get()));
            }
        }
        return ops;
    }

    /** The text of a key that takes a plain value; empty, with the problem noted, otherwise. */
    private Optional<String> text(Node.Entry entry) {
        if (entry.value() instanceof Node.Scalar scalar && scalar.text() != null && !scalar.text().isBlank()) {
            return Optional.of(scalar.text());
        }
        problem(entry.value() instanceof Node.Scalar ? entry.keyAt() : entry.value().at(), "'" + entry.key() + "' needs a value"
                + (entry.value() instanceof Node.Scalar ? "" : ", not " + entry.value().kind()));
        return Optional.empty();
    }

    private void problem(Location at, String message) {
        problems.add(new Problem(at, message).toString());
    }
}
