package dev.orchestrate.copier;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One copy the copier was asked for, parsed from its command line:
 * {@code <method> [--chunk BYTES] [--threads N] [--force each|end|none] SOURCE DEST}.
 *
 * @param chunk the size of each transfer, mapping window or O_DIRECT write
 * @param threads how many O_DIRECT writes are in flight at once
 * @param force when the mmap writer forces its pages to the device: after each window, once at the end, or never
 */
public record Request(Method method, long chunk, int threads, String force, Path source, Path destination) {

    public enum Method { FILES_COPY, TRANSFER_TO, MMAP, DIRECT }

    static final String USAGE = """
            usage: copier <method> [--chunk BYTES] [--threads N] [--force each|end|none] SOURCE DEST
              files-copy   java.nio.file.Files.copy
              transfer-to  FileChannel.transferTo, CHUNK bytes per call (default 8388608)
              mmap         writes through a shared mapping of DEST, CHUNK bytes per window (default 16777216),
                           forced after each window (each, the default), once at the end, or never
              direct       O_DIRECT writes of CHUNK bytes (default 524288, a multiple of the block size),
                           THREADS in flight at once (default 4), in whatever order they complete
            exit codes: 0 copied, 1 the copy failed, 2 bad arguments""";

    /** Parses the arguments; an {@link IllegalArgumentException} says what is wrong with them. */
    static Request parse(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args));
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("no method given");
        }
        Method method = method(rest.removeFirst());
        long chunk = switch (method) {
            case MMAP -> 16L << 20;
            case DIRECT -> 512L << 10;
            default -> 8L << 20;
        };
        int threads = 4;
        String force = "each";
        while (!rest.isEmpty() && rest.getFirst().startsWith("--")) {
            String option = rest.removeFirst();
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = rest.removeFirst();
            switch (option) {
                case "--chunk" -> chunk = positive(option, value, 1L << 30);
                case "--threads" -> threads = (int) positive(option, value, 64);
                case "--force" -> {
                    if (!List.of("each", "end", "none").contains(value)) {
                        throw new IllegalArgumentException("--force takes each, end or none, not '" + value + "'");
                    }
                    force = value;
                }
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (rest.size() != 2) {
            throw new IllegalArgumentException("expected SOURCE and DEST, found " + rest.size() + " argument(s): " + rest);
        }
        return new Request(method, chunk, threads, force, Path.of(rest.get(0)), Path.of(rest.get(1)));
    }

    private static Method method(String name) {
        for (Method m : Method.values()) {
            if (m.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown method '" + name + "'; methods are files-copy, transfer-to, mmap, direct");
    }

    private static long positive(String option, String value, long max) {
        try {
            long n = Long.parseLong(value);
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(option + " takes a whole number from 1 to " + max + ", not '" + value + "'");
    }
}
