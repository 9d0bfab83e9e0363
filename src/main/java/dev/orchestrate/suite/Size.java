package dev.orchestrate.suite;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A byte count written the way storage people write it: {@code 512}, {@code 4KiB}, {@code 256MiB}, {@code 5GiB}. */
public record Size(long bytes) {

    private static final Pattern FORM = Pattern.compile("(\\d+)\\s*([A-Za-z]*)");
    private static final String[] UNITS = {"", "KiB", "MiB", "GiB", "TiB"};

    public Size {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size cannot be negative: " + bytes);
        }
    }

    /** Parses a size; the message of the exception says what was wrong and what to write instead. */
    public static Size parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size; write a byte count such as 512, 4KiB, 256MiB or 5GiB");
        }
        String unit = m.group(2);
        for (int power = 0; power < UNITS.length; power++) {
            if (UNITS[power].equalsIgnoreCase(unit) || (power == 0 && unit.equalsIgnoreCase("B"))) {
                try {
                    return new Size(Math.multiplyExact(Long.parseLong(m.group(1)), 1L << (10 * power)));
                } catch (ArithmeticException | NumberFormatException e) {
                    throw new IllegalArgumentException("'" + text + "' is too large to be a size in bytes");
                }
            }
        }
        String binary = switch (unit.toUpperCase(Locale.ROOT)) {
            case "K", "KB" -> "KiB";
            case "M", "MB" -> "MiB";
            case "G", "GB" -> "GiB";
            case "T", "TB" -> "TiB";
            default -> null;
        };
        if (binary != null) {
            throw new IllegalArgumentException("'" + text + "' is ambiguous (1000 or 1024?); write " + m.group(1) + binary
                    + " for binary units");
        }
        throw new IllegalArgumentException("'" + text + "' has an unknown unit '" + unit + "'; use KiB, MiB, GiB or TiB");
    }

    /** The shortest exact form: 4096 is {@code 4KiB}, 1000 stays {@code 1000}. */
    @Override
    public String toString() {
        long value = bytes;
        int power = 0;
        while (power < UNITS.length - 1 && value != 0 && value % 1024 == 0) {
            value /= 1024;
            power++;
        }
        return value + UNITS[power];
    }

    /** A byte count with thousands separators, as used in verdicts: {@code 1,064,960}. */
    public static String grouped(long bytes) {
        return String.format(Locale.ROOT, "%,d", bytes);
    }
}
