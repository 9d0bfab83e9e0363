package dev.orchestrate.suite;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One suite key, declared once: its type, default, allowed values and help. Validation, the JSON
 * Schema and the reference text are all derived from these declarations.
 *
 * @param fallback the default, or null when the key has none
 * @param required whether the suite must give it
 */
public record Key(String name, Type type, String fallback, List<String> choices, String help, boolean required) {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    public enum Type { TEXT, SIZE, COUNT, DURATION, CHOICE }

    public static Key required(String name, Type type, String help) {
        return new Key(name, type, null, List.of(), help, true);
    }

    public static Key optional(String name, Type type, String fallback, String help) {
        return new Key(name, type, fallback, List.of(), help, false);
    }

    public static Key choice(String name, String fallback, List<String> choices, String help) {
        return new Key(name, Type.CHOICE, fallback, List.copyOf(choices), help, fallback == null);
    }

    /** Null when {@code text} is a valid value for this key, else what is wrong with it. */
    public String problemWith(String text) {
        try {
            switch (type) {
                case SIZE -> Size.parse(text);
                case COUNT -> count(text);
                case DURATION -> duration(text);
                case CHOICE -> {
                    if (!choices.contains(text)) {
                        return "'" + text + "' is not allowed for '" + name + "'; expected one of " + String.join(", ", choices)
                                + Suggest.hint(text, choices);
                    }
                }
                case TEXT -> {
                }
            }
            return null;
        } catch (IllegalArgumentException e) {
            return name + ": " + e.getMessage();
        }
    }

    public static long count(String text) {
        try {
            long value = Long.parseLong(text.strip());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number (0 or more)");
        }
    }

    public static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write for example 500ms, 30s, 10m or 2h");
        }
        try {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
            if (d.isZero()) {
                throw new IllegalArgumentException("'" + text + "' is no time at all; write at least 1ms");
            }
            return d;
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration");
        }
    }
}
