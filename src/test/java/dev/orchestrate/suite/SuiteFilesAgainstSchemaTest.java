package dev.orchestrate.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.orchestrate.engine.Catalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every suite the project ships or tests with is what the published schema describes, so an editor checks what the runner accepts. */
class SuiteFilesAgainstSchemaTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<Path> SUITES = List.of(Path.of("suites"), Path.of("src/test/resources/suites"),
            Path.of("src/test/resources/corpus"), Path.of("src/test/resources/emulated"));

    private final JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(Schema.of(Catalog.VOCABULARY));

    private Set<ValidationMessage> errors(String yaml) throws IOException {
        return schema.validate(YAML.readTree(yaml));
    }

    @Test
    void everyShippedAndTestSuiteMatchesTheSchema() throws IOException {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Path dir : SUITES) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                    JsonNode suite = YAML.readTree(file.toFile());
                    schema.validate(suite).forEach(e -> wrong.add(file + ": " + e.getMessage()));
                    checked++;
                }
            }
        }
        assertTrue(checked > 40, checked + " suites");
        assertEquals(List.of(), wrong);
    }

    @Test
    void aKeyOfAnotherTargetKindIsAnErrorAsInValidate() throws IOException {
        Set<ValidationMessage> errors = errors("""
                name: x
                target: {kind: emulated, device: /dev/sdc}
                steps: [sync]
                """);
        assertTrue(errors.stream().anyMatch(e -> e.getMessage().contains("device")), errors.toString());
        assertEquals(Set.of(), errors("name: x\ntarget: {kind: linux-block, device: /dev/sdc}\nsteps: [sync]\n"));
    }

    @Test
    void theSectorSizeIsWrittenAsYamlReadsIt() throws IOException {
        assertEquals(Set.of(), errors("name: x\nsector-size: 512\nsteps: [sync]\n"));
        assertEquals(Set.of(), errors("name: x\nsector-size: 4KiB\nsteps: [sync]\n"));
        assertTrue(!errors("name: x\nsector-size: 1024\nsteps: [sync]\n").isEmpty());
    }
}
