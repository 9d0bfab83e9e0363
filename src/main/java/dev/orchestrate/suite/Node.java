package dev.orchestrate.suite;

import java.util.LinkedHashMap;
import java.util.List;

/** A YAML value with its location; the tree the validator walks so every error can name a line. */
public sealed interface Node {

    Location at();

    /** A plain value; {@code text} is null for an empty value ({@code key:} with nothing after it). */
    record Scalar(String text, Location at) implements Node {
    }

    record Sequence(List<Node> items, Location at) implements Node {
    }

    /** A mapping in file order; each entry keeps the location of its key. */
    record Mapping(LinkedHashMap<String, Entry> entries, Location at) implements Node {
    }

    record Entry(String key, Location keyAt, Node value) {
    }

    default String kind() {
        return switch (this) {
            case Scalar s -> "a value";
            case Sequence s -> "a list";
            case Mapping m -> "a mapping";
        };
    }
}
