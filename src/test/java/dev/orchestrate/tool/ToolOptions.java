package dev.orchestrate.tool;

import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Location;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Value;
import java.util.HashMap;
import java.util.Map;

/** A copy step's options for one tool, as a suite would resolve them: the tool's defaults, then the pairs given. */
final class ToolOptions {

    private ToolOptions() {
    }

    static Options of(Tool tool, String... pairs) {
        Map<String, Value> values = new HashMap<>();
        values.put("timeout", value("1m"));
        values.put("temperature", value("warm"));
        for (Key k : tool.keys()) {
            values.put(k.name(), value(k.fallback()));
        }
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], value(pairs[i + 1]));
        }
        return new Options("copy", values);
    }

    private static Value value(String text) {
        return new Value(text, new Location("t", 1, 1));
    }
}
