package dev.orchestrate.suite;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named tool setting from the suite's {@code tools} section, e.g. {@code dd-direct: {tool: dd,
 * oflag: direct}}: a matrix lists the name like any tool, and a copy step naming it gets the
 * preset's tool and options. This is how one matrix axis varies a tool's own options.
 */
public record Preset(String name, Location at, Map<String, Value> options, Map<String, Location> keyLocations) {

    /** The step whose tool a preset names, and the key that names it. */
    static final String STEP = "copy";
    static final String SELECTOR = "tool";

    public Preset {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        keyLocations = Map.copyOf(keyLocations);
    }

    /**
     * A copy step's options with this preset applied: the preset's tool and keys, and the step's
     * own keys; a key set in both is a problem, since which one wins would be a guess.
     */
    Map<String, Value> applyTo(Map<String, Value> step, Map<String, Location> stepKeys, List<Problem> problems) {
        Map<String, Value> merged = new LinkedHashMap<>(options);
        step.forEach((key, value) -> {
            if (key.equals(SELECTOR)) {
                return;
            }
            if (options.containsKey(key)) {
                Location presetKey = keyLocations.get(key);
                problems.add(new Problem(stepKeys.getOrDefault(key, value.at()), "'" + key + "' is set here and by tool '" + name
                        + "' in 'tools' (line " + presetKey.line() + "); set it in one place"));
                return;
            }
            merged.put(key, value);
        });
        return merged;
    }

    /** Where the merged keys stand: the preset's own where they came from it. */
    Map<String, Location> locate(Map<String, Location> stepKeys) {
        Map<String, Location> all = new LinkedHashMap<>(stepKeys);
        all.putAll(keyLocations);
        return all;
    }
}
