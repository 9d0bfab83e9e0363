package dev.orchestrate.suite;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A step as written, before a cell resolves its {@code ${axis}} references.
 *
 * @param keyLocations where each option key stands, for errors about the key itself
 */
public record StepSpec(String kind, Location at, Map<String, Value> options, Map<String, Location> keyLocations) {

    public StepSpec {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        keyLocations = Map.copyOf(keyLocations);
    }
}
