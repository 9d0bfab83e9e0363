package dev.orchestrate.suite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys of one mapping in a suite (a target, a step). A section may have variants chosen by one
 * of its keys, e.g. the {@code tool} of a copy step brings the tool's own keys.
 *
 * @param selector the key whose value chooses a variant, or null
 * @param variants each variant's help and extra keys, by selector value
 */
public record Section(String name, String help, List<Key> keys, String selector, Map<String, Variant> variants) {

    public record Variant(String help, List<Key> keys) {
    }

    public static Section of(String name, String help, List<Key> keys) {
        return new Section(name, help, List.copyOf(keys), null, Map.of());
    }

    public static Section withVariants(String name, String help, List<Key> keys, String selector, Map<String, Variant> variants) {
        return new Section(name, help, List.copyOf(keys), selector, Map.copyOf(variants));
    }

    /** The keys that apply once the selector has {@code selected} (null: no variant chosen). */
    public List<Key> keysFor(String selected) {
        List<Key> all = new ArrayList<>(keys);
        Optional.ofNullable(selected).map(variants::get).ifPresent(v -> all.addAll(v.keys()));
        return all;
    }

    /**
     * Checks {@code given} against the declaration and returns the options with defaults filled in;
     * problems go to {@code problems}, located at the offending key or value, or at {@code at} for a
     * missing key.
     */
    public Options resolve(Map<String, Value> given, Map<String, Location> keyLocations, Location at, List<Problem> problems) {
        String selected = keys.stream().filter(k -> k.name().equals(selector) && k.fallback() != null)
                .map(Key::fallback).findFirst().orElse(null);
        boolean unknownVariant = false;
        if (selector != null && given.containsKey(selector)) {
            Value choice = given.get(selector);
            if (variants.containsKey(choice.text())) {
                selected = choice.text();
            } else {
                problems.add(new Problem(choice.at(), "unknown " + selector + " '" + choice.text() + "' in " + name
                        + "; expected one of " + String.join(", ", variants.keySet().stream().sorted().toList())
                        + Suggest.hint(choice.text(), variants.keySet())));
                unknownVariant = true;
            }
        }
        List<Key> applicable = keysFor(selected);
        List<String> names = applicable.stream().map(Key::name).toList();
        LinkedHashMap<String, Value> values = new LinkedHashMap<>();
        for (Map.Entry<String, Value> entry : given.entrySet()) {
            String key = entry.getKey();
            Location keyAt = keyLocations.getOrDefault(key, entry.getValue().at());
            Optional<Key> declared = applicable.stream().filter(k -> k.name().equals(key)).findFirst();
            if (declared.isEmpty()) {
                // with the variant unknown, its keys cannot be judged: the one problem is the variant
                boolean ofSomeVariant = variants.values().stream().anyMatch(v -> v.keys().stream().anyMatch(k -> k.name().equals(key)));
                if (!(unknownVariant && ofSomeVariant)) {
                    problems.add(new Problem(keyAt, unknownKey(key, selected, names)));
                }
                continue;
            }
            String problem = declared.get().problemWith(entry.getValue().text());
            if (problem != null) {
                problems.add(new Problem(entry.getValue().at(), problem));
            }
            values.put(key, entry.getValue());
        }
        for (Key key : applicable) {
            if (!values.containsKey(key.name())) {
                if (key.required()) {
                    problems.add(new Problem(at, name + " needs '" + key.name() + "': " + key.help()));
                } else if (key.fallback() != null) {
                    values.put(key.name(), new Value(key.fallback(), at));
                }
            }
        }
        return new Options(name, values);
    }

    private String unknownKey(String key, String selected, List<String> names) {
        String hint = Suggest.hint(key, names);
        if (hint.isEmpty() && selector != null) {
            List<String> owners = variants.entrySet().stream().filter(v -> v.getValue().keys().stream().anyMatch(k -> k.name().equals(key)))
                    .map(v -> "'" + v.getKey() + "'").sorted().toList();
            if (!owners.isEmpty()) {
                return "'" + key + "' applies only when " + selector + " is " + String.join(" or ", owners)
                        + (selected == null ? "" : ", not '" + selected + "'");
            }
        }
        return "unknown key '" + key + "' in " + name + hint
                + (hint.isEmpty() ? "; known keys: " + String.join(", ", names) : "");
    }
}
