package dev.orchestrate.suite;

import java.time.Duration;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/** The checked options of one section, defaults filled in; typed getters for the code that uses them. */
public record Options(String section, Map<String, Value> values) {

    public Options {
        values = Map.copyOf(values);
    }

    public Optional<Value> find(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public Value value(String key) {
        return find(key).orElseThrow(() -> new NoSuchElementException(section + " has no '" + key + "'"));
    }

    public String text(String key) {
        return value(key).text();
    }

    public Optional<String> optionalText(String key) {
        return find(key).map(Value::text);
    }

    public long size(String key) {
        return Size.parse(text(key)).bytes();
    }

    public long count(String key) {
        return Key.count(text(key));
    }

    public Duration duration(String key) {
        return Key.duration(text(key));
    }
}
