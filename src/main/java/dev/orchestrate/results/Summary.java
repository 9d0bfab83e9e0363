package dev.orchestrate.results;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.orchestrate.engine.Manifest;
import dev.orchestrate.trace.Signature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A run's result in one file, {@code summary.json}, for a dashboard, a gate and a later comparison:
 * the verdict and exit code, the counts, the labels, the target, and per cell how it ended, with
 * which defect, where the damage begins and how much there is, how long it took and its I/O pattern.
 * Its schema is {@code docs/summary.schema.json}; {@link #FORMAT} changes when a field changes meaning.
 *
 * @param runId the run id; a merged summary's is its runs' ids joined by '+'
 * @param verdict passed, failed, broken, not-finished or interrupted: what the exit code says
 * @param finished when the run ended; empty when it stopped at a reboot to be resumed
 * @param shard the part of the selected cells the run ran ({@code --shard 2/3}); empty for all of them (and null in a summary from
 *              before shards)
 */
public record Summary(int format, String suite, String suiteFile, String suiteSha256, String runId, String runDir, String started,
                      String finished, String verdict, int exitCode, Counts counts, Map<String, String> labels, String shard,
                      Target target, List<Cell> cells) {

    public static final String FILE = "summary.json";
    public static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * How the run's cells ended; {@code failedAsExpected} are failures the suite declares, which do not fail the run.
     *
     * @param cells the cells selected for the run, whether they ran or not
     */
    public record Counts(int cells, int passed, int failed, int failedAsExpected, int broken, int skipped) {
    }

    /**
     * What the run ran against.
     *
     * @param identity by label, as {@code Target.identity()} gives it (the first cell's, where cells differ)
     */
    public record Target(String kind, String description, Map<String, String> identity) {
    }

    /**
     * One cell.
     *
     * @param station the station it ran on ({@code --station}), or empty (null in a summary from before stations)
     * @param status passed, failed, broken or skipped, as the report shows it
     * @param defect the defect it failed with, or empty
     * @param damage where the damage it failed on begins and how many bytes are damaged; null when it did not fail on damage
     * @param pattern its I/O pattern in a few numbers; null without a command log
     * @param expected what the suite expects of it, or empty
     * @param asExpected whether it ended as expected; null when the suite expects nothing of it
     * @param target its target's identity where it differs from the run's
     */
    public record Cell(int ordinal, String name, String station, Map<String, String> axes, String status, String message, String defect,
                       Manifest.Damage damage, long millis, Signature pattern, String expected, Boolean asExpected,
                       Map<String, String> target) {

        /** "tool=cp size=64MiB on lab-a": the cell as a merged summary has it once per station. */
        public String title() {
            return station == null || station.isEmpty() ? name : name + " on " + station;
        }
    }

    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    public static Summary read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Summary.class);
    }
}
