package dev.orchestrate.suite;

import java.util.List;

/** One named dimension of the matrix and its values, in file order. */
public record Axis(String name, Location at, List<Value> values) {

    public Axis {
        values = List.copyOf(values);
    }
}
