package dev.orchestrate.device;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.orchestrate.outcome.RigBroken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A disk's identity saved as JSON (for example under the previous driver), with a sentence saying
 * what it was captured from, and the diff of a later capture against it: one "Field: old → new" line
 * per changed field, in the order diskutil lists them, then the peripheral, then the limits.
 */
public record Baseline(String about, DiskIdentity identity) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public void save(Path file) {
        try {
            JSON.writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new RigBroken("cannot write the identity baseline " + file + ": " + e.getMessage(), e);
        }
    }

    public static Baseline load(Path file) {
        try {
            return JSON.readValue(file.toFile(), Baseline.class);
        } catch (IOException e) {
            throw new RigBroken("cannot read the identity baseline " + file + ": " + e.getMessage()
                    + "; capture a fresh one from a run on the known-good driver", e);
        }
    }

    /** What changed from this baseline to {@code now}; empty when nothing did. */
    public List<String> diff(DiskIdentity now) {
        return diff(identity, now);
    }

    public static List<String> diff(DiskIdentity before, DiskIdentity after) {
        Map<String, String> old = before.fields();
        Map<String, String> current = after.fields();
        Set<String> labels = new LinkedHashSet<>(old.keySet());
        labels.addAll(current.keySet());
        List<String> lines = new ArrayList<>();
        for (String label : labels) {
            if (!Objects.equals(old.get(label), current.get(label))) {
                lines.add(label + ": " + shown(old.get(label)) + " → " + shown(current.get(label)));
            }
        }
        return lines;
    }

    private static String shown(String value) {
        return value == null || value.isEmpty() ? "(none)" : value;
    }
}
