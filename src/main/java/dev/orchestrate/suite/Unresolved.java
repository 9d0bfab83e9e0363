package dev.orchestrate.suite;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A step or the target as the suite writes it: its options before a cell resolves their
 * {@code ${axis}} references.
 *
 * @param kind the step's kind, or {@code target}
 * @param keyLocations where each option key stands, for errors about the key itself
 */
public record Unresolved(String kind, Location at, Map<String, Value> options, Map<String, Location> keyLocations) {

    public Unresolved {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        keyLocations = Map.copyOf(keyLocations);
    }
}
