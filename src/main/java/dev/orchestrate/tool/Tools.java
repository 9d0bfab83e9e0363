package dev.orchestrate.tool;

import java.util.List;
import java.util.Optional;

/** The copy tools a suite can name. */
public final class Tools {

    public static final List<Tool> ALL = List.of(new Cp(), new Dd());

    private Tools() {
    }

    public static Optional<Tool> named(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
