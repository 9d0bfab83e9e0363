package dev.orchestrate.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.orchestrate.diagnosis.Defect;
import dev.orchestrate.engine.Catalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SchemaTest {

    private final JsonNode schema = Schema.of(Catalog.VOCABULARY);

    @Test
    void topLevelKeysComeFromTheDeclarations() {
        JsonNode properties = schema.get("properties");
        for (String key : new String[] {"name", "description", "sector-size", "target", "matrix", "defaults", "steps", "expect"}) {
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

    /** Editors read the committed file, which the shipped suites name on their first line: it must be what the runner accepts. */
    @Test
    void theCommittedSchemaIsTheGeneratedOneAndTheShippedSuitesNameIt() throws IOException {
        String generated = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(schema)
                + System.lineSeparator();
        assertEquals(generated, Files.readString(Path.of("suite.schema.json")),
                "regenerate it: ./orchestrate schema > suite.schema.json");
        try (Stream<Path> suites = Files.list(Path.of("suites"))) {
            for (Path suite : suites.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                assertEquals("# yaml-language-server: $schema=../suite.schema.json", Files.readAllLines(suite).getFirst(),
                        suite.toString());
            }
        }
    }

    @Test
    void targetKindsAreEnumerated() {
        JsonNode kind = schema.get("properties").get("target").get("properties").get("kind");
        assertEquals("[\"directory\",\"emulated\",\"image\",\"linux-block\",\"macos-disk\",\"macos-ramdisk\"]",
                kind.get("enum").toString());
    }

    @Test
    void expectIsAListOfEntries() {
        JsonNode expect = schema.get("properties").get("expect");
        assertEquals("array", expect.get("type").asText());
        JsonNode entry = expect.get("items");
        assertEquals(false, entry.get("additionalProperties").asBoolean());
        assertEquals("[\"outcome\"]", entry.get("required").toString());
        assertEquals("[\"passed\",\"failed\"]", entry.get("properties").get("outcome").get("enum").toString());
        assertEquals(Defect.labels(), String.join(", ", entry.get("properties").get("defect").get("enum").valueStream()
                .map(JsonNode::asText).toList()));
        assertEquals("string", entry.get("properties").get("ticket").get("type").asText());
        JsonNode when = entry.get("properties").get("when");
        assertEquals("object", when.get("type").asText());
        assertEquals("array", when.get("additionalProperties").get("anyOf").get(1).get("type").asText(), "a value or a list of values");
        assertEquals("passed", entry.get("if").get("properties").get("outcome").get("const").asText());
        assertEquals("{\"defect\":false,\"ticket\":false}", entry.get("then").get("properties").toString(),
                "no defect or ticket with outcome: passed");
    }

    @Test
    void theReadmeCarriesTheGeneratedReference() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains(Reference.markdown(Catalog.VOCABULARY)),
                "README.md's suite reference is out of date: paste the output of './orchestrate schema --reference'");
    }
}
