package dev.orchestrate.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrate.engine.Catalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SchemaTest {

    private final JsonNode schema = Schema.of(Catalog.VOCABULARY);

    @Test
    void topLevelKeysComeFromTheDeclarations() {
        JsonNode properties = schema.get("properties");
        for (String key : new String[] {"name", "description", "sector-size", "target", "matrix", "defaults", "steps"}) {
            assertTrue(properties.has(key), key);
        }
        assertEquals("4KiB", properties.get("sector-size").get("default").asText());
        assertTrue(schema.get("required").toString().contains("\"name\""));
        assertEquals(false, schema.get("additionalProperties").asBoolean());
    }

    @Test
    void everyStepKindIsAnAlternative() {
        String steps = schema.get("properties").get("steps").toString();
        for (String kind : Catalog.VOCABULARY.steps().keySet()) {
            assertTrue(steps.contains("\"" + kind + "\""), kind);
        }
        assertTrue(steps.contains("block-size"), "tool keys appear under copy");
    }

    @Test
    void targetKindsAreEnumerated() {
        JsonNode kind = schema.get("properties").get("target").get("properties").get("kind");
        assertEquals("[\"directory\",\"emulated\",\"image\",\"linux-block\",\"macos-disk\",\"macos-ramdisk\"]",
                kind.get("enum").toString());
    }

    @Test
    void theReadmeCarriesTheGeneratedReference() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains(Reference.markdown(Catalog.VOCABULARY)),
                "README.md's suite reference is out of date: paste the output of './orchestrate schema --reference'");
    }
}
