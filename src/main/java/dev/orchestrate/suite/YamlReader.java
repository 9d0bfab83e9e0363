package dev.orchestrate.suite;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Reads YAML into {@link Node}s with their locations. Jackson's tree model drops locations, so the
 * tree is built here from the token stream.
 */
public final class YamlReader {

    private static final YAMLFactory YAML = new YAMLFactory();

    private final String file;

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
        return switch (parser.currentToken()) {
            case START_OBJECT -> mapping(parser, at);
            case START_ARRAY -> sequence(parser, at);
            case VALUE_NULL -> new Node.Scalar(null, at);
            default -> new Node.Scalar(parser.getText(), at);
        };
    }

    private Node mapping(JsonParser parser, Location at) throws IOException, InvalidSuite {
        LinkedHashMap<String, Node.Entry> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            Location keyAt = location(parser);
            parser.nextToken();
            Node value = value(parser);
            Node.Entry previous = entries.putIfAbsent(key, new Node.Entry(key, keyAt, value));
            if (previous != null) {
                throw new InvalidSuite(new Problem(keyAt, "duplicate key '" + key + "' (first at line " + previous.keyAt().line() + ")"));
            }
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
