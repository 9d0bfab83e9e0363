package dev.orchestrate.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.orchestrate.engine.Journal;
import dev.orchestrate.engine.Manifest;
import dev.orchestrate.trace.Signature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryTest {

    @TempDir
    Path dir;

    static final Map<String, String> IDENTITY = Map.of("Kind", "emulated controller", "IOMaximumByteCountWrite", "1048576");

    static Manifest.CellRecord cell(int ordinal, String name, String status, String defect, Manifest.Damage damage) {
        return new Manifest.CellRecord(ordinal, name, Map.of("tool", name), status, status.equals("passed") ? "" : "why", defect, "", null,
                Map.of(), List.of(), "", null, 1200, damage, new Signature(List.of(new Signature.Share(1 << 20, 4, 4 << 20, 1.0)), 0.25),
                IDENTITY);
    }

    static Journal.RunStarted started() {
        return new Journal.RunStarted("2026-12-02T01:00:00Z", Journal.FORMAT, "00000000000000ab", "nightly", "/suites/nightly.yaml",
                "e".repeat(64), List.of(), "emulated", "", Map.of("driver", "2.1.0-dext", "station", "lab-a"), "1/2", null);
    }

    private Summary summary() {
        Manifest manifest = new Manifest(1, "00000000000000ab", "nightly", "/suites/nightly.yaml", "t0", "t1", 512, "emulated controller",
                List.of(cell(0, "cp", "passed", "", null), cell(1, "dd", "failed", "transfer-length",
                        new Manifest.Damage("file-1.bin", 278_528, 279_072, 36_962_304))));
        return RunSummary.of(dir, started(), Optional.of(manifest), "emulated",
                new RunSummary.Ending(1, "failed", new Summary.Counts(2, 1, 1, 0, 0, 0)));
    }

    static Set<ValidationMessage> errors(Path summary) throws IOException {
        try (InputStream schema = Files.newInputStream(Path.of("docs/summary.schema.json"))) {
            JsonSchema checker = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
            return checker.validate(new ObjectMapper().readTree(summary.toFile()));
        }
    }

    @Test
    void theSummaryIsWhatItsDocumentedSchemaDescribes() throws IOException {
        Path file = dir.resolve(Summary.FILE);
        Summary written = summary();
        written.write(file);
        assertEquals(Set.of(), errors(file));
        assertEquals(written, Summary.read(file));
        assertEquals(Map.of("driver", "2.1.0-dext", "station", "lab-a"), written.labels());
        assertEquals("1/2", written.shard());
        assertEquals("lab-a", written.cells().get(1).station(), "every cell says its station, as a merged summary does");
        assertEquals(IDENTITY, written.target().identity());
        assertEquals(Map.of(), written.cells().get(1).target(), "a cell's identity is left out where it is the run's");
        assertEquals(278_528, written.cells().get(1).damage().offset());
    }

    @Test
    void aSummaryMissingItsVerdictBreaksTheSchema() throws IOException {
        Path file = dir.resolve(Summary.FILE);
        summary().write(file);
        ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(file.toFile());
        tree.remove("verdict");
        ((ObjectNode) tree.withArray("cells").get(0)).put("status", "green");
        new ObjectMapper().writeValue(file.toFile(), tree);
        Set<ValidationMessage> errors = errors(file);
        assertFalse(errors.isEmpty());
        assertTrue(errors.stream().anyMatch(e -> e.getMessage().contains("verdict")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.getMessage().contains("status")), errors.toString());
    }
}
