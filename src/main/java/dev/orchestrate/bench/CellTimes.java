package dev.orchestrate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrate.step.CellWalk;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where one cell's wall time went, in milliseconds per phase: {@code set up}, then each step kind
 * of the suite (generate, copy, sync, verify, eject ...), {@code tear down} (from the last step to
 * the cell's end: the target's teardown, removing sources, attaching the I/O pattern) and
 * {@code between} (the engine's own time between steps).
 *
 * @param cell the cell's name, its axis values
 * @param status passed, failed, broken or skipped
 */
public record CellTimes(String cell, String status, Map<String, Long> millis) {

    public static final String SET_UP = "set up";
    public static final String TEAR_DOWN = "tear down";
    public static final String BETWEEN = "between";

    public CellTimes {
        millis = Map.copyOf(millis);
    }

    public long total() {
        return millis.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Reads a cell from its Allure result: its top-level steps in order are the device's setup (when
     * the target is set up per cell), the suite's steps (those the journal says completed, titled as
     * there, then the one that failed, if any) and the teardown's own steps.
     *
     * @param result the cell's {@code *-result.json}
     * @param completed the titles of the steps the journal says completed, in order
     * @param kinds the kinds of the cell's steps, as the suite lists them
     */
    public static CellTimes of(JsonNode result, List<String> completed, List<String> kinds) {
        Map<String, Long> millis = new LinkedHashMap<>();
        long at = result.path("start").asLong();
        int done = 0;
        boolean failing = false;
        for (JsonNode step : result.path("steps")) {
            long start = step.path("start").asLong();
            long stop = step.path("stop").asLong();
            String phase;
            if (done < completed.size() && completed.get(done).equals(step.path("name").asText())) {
                phase = kinds.get(done++);
            } else if (done == 0 && millis.isEmpty() && step.path("name").asText().startsWith(CellWalk.SET_UP)) {
                phase = SET_UP;
            } else if (!failing && done < kinds.size() && !"passed".equals(step.path("status").asText())) {
                failing = true;
                phase = kinds.get(done);
            } else {
                phase = TEAR_DOWN;
            }
            millis.merge(BETWEEN, Math.max(0, start - at), Long::sum);
            millis.merge(phase, stop - start, Long::sum);
            at = stop;
        }
        millis.merge(TEAR_DOWN, Math.max(0, result.path("stop").asLong() - at), Long::sum);
        return new CellTimes(result.path("name").asText(), result.path("status").asText(), millis);
    }
}
