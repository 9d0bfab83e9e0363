package dev.orchestrate.suite;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML into {@link Node}s with their locations. Jackson's tree model drops locations, so the
 * tree is built here from the token stream. Anchors, aliases and merge keys are YAML's own way to
 * share settings ({@code dd: &dd {...}}, {@code dd-copy: *dd}, {@code <<: *dd}): an alias stands for
 * the anchored node, located where it was written, and a merge key adds the anchored mapping's
 * entries that the mapping does not give itself.
 */
public final class YamlReader {

    private static final YAMLFactory YAML = new YAMLFactory();

    private static final String MERGE = "<<";

    private final String file;
    private final Map<String, Node> anchors = new HashMap<>();

    private YamlReader(String file) {
        this.file = file;
    }

    /** Parses {@code text}; {@code file} is the name used in locations. */
    public static Node read(String file, String text) throws InvalidSuite {
        YamlReader reader = new YamlReader(file);
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InvalidSuite(new Problem(new Location(file, 1, 1),
                        "the file is empty; a suite needs at least 'name' and 'steps'"));
            }
            return reader.value(parser);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            Location at = where == null ? new Location(file, 1, 1) : new Location(file, where.getLineNr(), where.getColumnNr());
            throw new InvalidSuite(new Problem(at, "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse("")));
        } catch (IOException e) {
            throw new InvalidSuite(new Problem(new Location(file, 1, 1), "cannot read: " + e.getMessage()));
        }
    }

    private Node value(JsonParser parser) throws IOException, InvalidSuite {
        Location at = location(parser);
        YAMLParser yaml = (YAMLParser) parser;
        if (yaml.isCurrentAlias()) {
            Node anchored = anchors.get(parser.getText());
            if (anchored == null) {
                // the parser gives the anchors of mappings and lists only: an anchored single value has none here
                throw new InvalidSuite(new Problem(at, "alias *" + parser.getText() + " names no anchored mapping or list before it;"
                        + " anchor one first (e.g. 'dd: &" + parser.getText() + " {tool: dd}'), and write single values out"));
            }
            return anchored;
        }
        String anchor = yaml.getObjectId();
        Node node = switch (parser.currentToken()) {
            case START_OBJECT -> mapping(parser, at);
            case START_ARRAY -> sequence(parser, at);
            case VALUE_NULL -> new Node.Scalar(null, at);
            default -> new Node.Scalar(parser.getText(), at);
        };
        if (anchor != null) {
            anchors.put(anchor, node);
        }
        return node;
    }

    private Node mapping(JsonParser parser, Location at) throws IOException, InvalidSuite {
        LinkedHashMap<String, Node.Entry> entries = new LinkedHashMap<>();
        List<Node> merged = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            Location keyAt = location(parser);
            parser.nextToken();
            Node value = value(parser);
            if (key.equals(MERGE)) {
                merged.addAll(value instanceof Node.Sequence list ? list.items() : List.of(value));
                continue;
            }
            Node.Entry previous = entries.putIfAbsent(key, new Node.Entry(key, keyAt, value));
            if (previous != null) {
                throw new InvalidSuite(new Problem(keyAt, "duplicate key '" + key + "' (first at line " + previous.keyAt().line() + ")"));
            }
        }
        // the mapping's own keys win over merged ones, and an earlier merged mapping over a later one
        for (Node source : merged) {
            if (!(source instanceof Node.Mapping mapping)) {
                throw new InvalidSuite(new Problem(source.at(), "'<<' merges a mapping (e.g. '<<: *dd'), not " + source.kind()));
            }
            mapping.entries().forEach(entries::putIfAbsent);
        }
        return new Node.Mapping(entries, at);
    }

    private Node sequence(JsonParser parser, Location at) throws IOException, InvalidSuite {
        List<Node> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(value(parser));
        }
        return new Node.Sequence(List.copyOf(items), at);
    }

    private Location location(JsonParser parser) {
        JsonLocation where = parser.currentTokenLocation();
        return new Location(file, where.getLineNr(), where.getColumnNr());
    }
}
