package dev.orchestrate.suite;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The JSON Schema of the suite format, derived from the key declarations, for editors to complete and check suites. */
public final class Schema {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final String SIZE_PATTERN = "^\\d+\\s*(B|KiB|MiB|GiB|TiB)?$";
    static final String REFERENCE_PATTERN = "\\$\\{[^}]+}";
    static final String AXIS_PATTERN = "^[a-z][a-z0-9-]*$";

    /** Which values of a section may be a ${reference}, resolved per cell, so that their own form cannot be enforced here. */
    private enum References {
        NONE,
        /** all but the selector: the target's keys follow the matrix, its kind does not */
        ALL_BUT_SELECTOR,
        ALL
    }

    private Schema() {
    }

    public static ObjectNode of(Vocabulary vocabulary) {
        ObjectNode root = JSON.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("title", "orchestrate suite, format 1");
        root.put("type", "object");
        root.put("additionalProperties", false);
        ArrayNode required = root.putArray("required");
        ObjectNode properties = root.putObject("properties");
        for (Key key : SuiteLoader.TOP.keys()) {
            properties.set(key.name(), property(key, false));
            if (key.required()) {
                required.add(key.name());
            }
        }
        required.add("steps");
        properties.set("target", section(vocabulary.target(), References.ALL_BUT_SELECTOR));
        ObjectNode tools = properties.putObject("tools");
        tools.put("type", "object").put("description", SuiteLoader.STRUCTURE.get("tools"));
        tools.set("additionalProperties", section(vocabulary.steps().get(Preset.STEP), References.NONE));
        ObjectNode matrix = properties.putObject("matrix");
        matrix.put("type", "object").put("description", SuiteLoader.STRUCTURE.get("matrix"));
        matrix.putObject("propertyNames").put("pattern", AXIS_PATTERN);
        matrix.putObject("additionalProperties").put("type", "array").put("minItems", 1).set("items", scalar());
        ObjectNode defaults = properties.putObject("defaults");
        defaults.put("type", "object").put("description", SuiteLoader.STRUCTURE.get("defaults"));
        defaults.set("additionalProperties", scalar());
        ObjectNode steps = properties.putObject("steps");
        steps.put("type", "array").put("minItems", 1).put("description", SuiteLoader.STRUCTURE.get("steps"));
        ArrayNode kinds = steps.putObject("items").putArray("anyOf");
        new TreeMap<>(vocabulary.steps()).forEach((name, section) -> {
            if (section.keys().stream().noneMatch(Key::required)) {
                kinds.addObject().put("const", name).put("description", section.help());
            }
            ObjectNode withOptions = kinds.addObject();
            withOptions.put("type", "object").put("additionalProperties", false).put("minProperties", 1).put("maxProperties", 1);
            withOptions.putObject("properties").set(name, section(section, References.ALL));
        });
        properties.set(Expect.SECTION, expect());
        return root;
    }

    /** A list of entries; 'when' maps axes to a value or a list of them; 'defect' and 'ticket' only with 'outcome: failed'. */
    private static ObjectNode expect() {
        ObjectNode expect = JSON.objectNode();
        expect.put("type", "array").put("description", SuiteLoader.STRUCTURE.get(Expect.SECTION));
        ObjectNode entry = section(Expect.ENTRY, References.NONE);
        ObjectNode when = JSON.objectNode();
        when.put("type", "object").put("description", Expect.WHEN_HELP).put("minProperties", 1);
        when.putObject("propertyNames").put("pattern", AXIS_PATTERN);
        ArrayNode either = when.putObject("additionalProperties").putArray("anyOf");
        either.add(scalar());
        either.addObject().put("type", "array").put("minItems", 1).set("items", scalar());
        ObjectNode properties = JSON.objectNode();
        properties.set(Expect.WHEN, when);
        properties.setAll((ObjectNode) entry.get("properties"));
        entry.set("properties", properties);
        ObjectNode passed = entry.putObject("if");
        passed.putObject("properties").putObject("outcome").put("const", Expect.PASSED);
        passed.putArray("required").add("outcome");
        ObjectNode failedOnly = entry.putObject("then").putObject("properties");
        failedOnly.put("defect", false).put("ticket", false);
        expect.set("items", entry);
        return expect;
    }

    /** A value as a matrix axis or a default gives it. */
    private static ObjectNode scalar() {
        ObjectNode node = JSON.objectNode();
        node.putArray("type").add("string").add("number").add("boolean");
        return node;
    }

    private static ObjectNode section(Section section, References refs) {
        boolean references = refs != References.NONE;
        ObjectNode node = JSON.objectNode();
        node.put("type", "object").put("description", section.help()).put("additionalProperties", false);
        ObjectNode properties = node.putObject("properties");
        ArrayNode required = node.putArray("required");
        for (Key key : section.keys()) {
            properties.set(key.name(), property(key, references));
            if (key.required()) {
                required.add(key.name());
            }
        }
        Map<String, List<Key>> byName = new TreeMap<>();
        // in the variants' order by name, so the schema is the same on every run
        new TreeMap<>(section.variants()).forEach((variant, v) -> v.keys().forEach(k -> byName.computeIfAbsent(k.name(),
                n -> new ArrayList<>()).add(k)));
        byName.forEach((name, keys) -> {
            ObjectNode p = property(keys.getFirst(), references);
            List<String> owners = section.variants().entrySet().stream()
                    .filter(e -> e.getValue().keys().stream().anyMatch(k -> k.name().equals(name)))
                    .map(Map.Entry::getKey).sorted().toList();
            p.put("description", keys.getFirst().help() + " (" + section.selector() + ": " + String.join(", ", owners) + ")");
            properties.set(name, p);
        });
        if (section.selector() != null && properties.get(section.selector()) instanceof ObjectNode selector && refs != References.ALL) {
            ArrayNode values = selector.putArray("enum");
            section.variants().keySet().stream().sorted().forEach(values::add);
        }
        if (section.selector() != null && !section.variants().isEmpty()) {
            node.set("allOf", variantKeys(section));
        }
        return node;
    }

    /**
     * Each variant allows only its own keys besides the section's: a {@code linux-block} key under
     * {@code kind: emulated} is an error in the editor as it is in {@code validate}.
     */
    private static ArrayNode variantKeys(Section section) {
        ArrayNode all = JSON.arrayNode();
        new TreeMap<>(section.variants()).forEach((name, variant) -> {
            ObjectNode rule = all.addObject();
            ObjectNode when = rule.putObject("if");
            when.putObject("properties").putObject(section.selector()).put("const", name);
            when.putArray("required").add(section.selector());
            ArrayNode allowed = rule.putObject("then").putObject("propertyNames").putArray("enum");
            section.keys().forEach(k -> allowed.add(k.name()));
            variant.keys().forEach(k -> allowed.add(k.name()));
        });
        return all;
    }

    private static ObjectNode property(Key key, boolean references) {
        ObjectNode p = JSON.objectNode();
        p.put("description", key.help());
        if (key.fallback() != null && !key.fallback().isEmpty()) {
            p.put("default", key.fallback());
        }
        switch (key.type()) {
            case SIZE -> p.putArray("type").add("string").add("integer");
            case COUNT -> p.putArray("type").add("integer").add("string");
            case CHOICE -> {
                ArrayNode values = p.putArray("enum");
                key.choices().forEach(values::add);
                // YAML reads 512 as a number, and YAML 1.1 (SnakeYAML, Jackson) yes and no as booleans: either form is the choice
                key.choices().stream().filter(c -> c.matches("\\d+")).forEach(c -> values.add(Long.parseLong(c)));
                key.choices().stream().filter(c -> c.equals("yes") || c.equals("no")).forEach(c -> values.add(c.equals("yes")));
            }
            default -> p.put("type", "string");
        }
        if (references && key.type() != Key.Type.TEXT) {
            // a step option may be a ${reference} resolved per cell, so its own form cannot be enforced here
            ObjectNode either = JSON.objectNode();
            either.put("description", key.help());
            either.putArray("anyOf").add(p.deepCopy().without("description")).addObject().put("type", "string")
                    .put("pattern", REFERENCE_PATTERN);
            return either;
        }
        return p;
    }
}
