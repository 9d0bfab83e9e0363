package dev.orchestrate.device;

import dev.orchestrate.outcome.RigBroken;
import java.util.List;
import java.util.Map;

/** A property-list dict with typed look-ups; a value of the wrong type is an error naming the source and key. */
record Dict(Map<String, Object> entries, String source) {

    /** The top-level dict of a property list, as {@code diskutil info -plist} prints. */
    static Dict of(Object plist, String source) {
        if (!(plist instanceof Map<?, ?>)) {
            throw new RigBroken(source + ": expected a <dict> at the top of the property list, found " + kind(plist));
        }
        return new Dict(cast(plist), source);
    }

    String string(String key) {
        return get(key, String.class, "a string");
    }

    Long number(String key) {
        return get(key, Long.class, "an integer");
    }

    Boolean flag(String key) {
        return get(key, Boolean.class, "true or false");
    }

    /** The nested dict at {@code key}, or null. */
    Dict dict(String key) {
        Map<?, ?> map = get(key, Map.class, "a dict");
        return map == null ? null : new Dict(cast(map), source);
    }

    /** The dicts in the array at {@code key}; empty when there is none. */
    List<Dict> dicts(String key) {
        List<?> list = get(key, List.class, "an array");
        if (list == null) {
            return List.of();
        }
        return list.stream().map(item -> {
            if (!(item instanceof Map<?, ?> map)) {
                throw new RigBroken(source + ": array '" + key + "' holds " + kind(item) + " where a dict was expected");
            }
            return new Dict(cast(map), source);
        }).toList();
    }

    private <T> T get(String key, Class<T> type, String expected) {
        Object value = entries.get(key);
        if (value == null || type.isInstance(value)) {
            return type.cast(value);
        }
        throw new RigBroken(source + ": '" + key + "' is " + kind(value) + ", expected " + expected);
    }

    private static String kind(Object value) {
        return switch (value) {
            case null -> "missing";
            case Map<?, ?> m -> "a dict";
            case List<?> l -> "an array";
            case String s -> "the string '" + s + "'";
            case Long l -> "the integer " + l;
            case Boolean b -> "<" + b + "/>";
            default -> "a " + value.getClass().getSimpleName();
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static Map<String, Object> cast(Object map) {
        return cast((Map<?, ?>) map);
    }
}
