package dev.orchestrate.trace;

import dev.orchestrate.suite.Suggest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the commands of a driver's own log are in the command log's terms, by name (READ, WRITE,
 * SYNCHRONIZE CACHE, FLUSH, ...) or by SCSI opcode ({@code 0x2a} or {@code 2Ah}), with whatever a line
 * format declares over them. A cache flush is {@link Op#FSYNC}, which the diagnosis reads as an
 * acknowledged flush when its result is 0; a command that moves no data is {@link Op#OTHER} with its
 * name. Anything else is unknown, never guessed: a guess would put evidence in the log that the
 * driver did not write.
 */
public final class DriverOps {

    /** A driver's command as a record keeps it: its op and its name, which an OTHER record keeps as its cause. */
    public record Command(Op op, String name) {

        String cause() {
            return op == Op.OTHER ? name : "";
        }
    }

    private static final Pattern OPCODE = Pattern.compile("(?i)0x(\\p{XDigit}{1,2})|(\\p{XDigit}{1,2})h");

    /** The SCSI opcodes known without a declaration, in opcode order. */
    static final Map<Integer, Command> OPCODES = Collections.unmodifiableMap(new TreeMap<>(Map.ofEntries(
            Map.entry(0x00, new Command(Op.OTHER, "TEST UNIT READY")),
            Map.entry(0x08, new Command(Op.READ, "READ(6)")),
            Map.entry(0x0a, new Command(Op.WRITE, "WRITE(6)")),
            Map.entry(0x12, new Command(Op.OTHER, "INQUIRY")),
            Map.entry(0x28, new Command(Op.READ, "READ(10)")),
            Map.entry(0x2a, new Command(Op.WRITE, "WRITE(10)")),
            Map.entry(0x35, new Command(Op.FSYNC, "SYNCHRONIZE CACHE(10)")),
            Map.entry(0x88, new Command(Op.READ, "READ(16)")),
            Map.entry(0x8a, new Command(Op.WRITE, "WRITE(16)")),
            Map.entry(0x91, new Command(Op.FSYNC, "SYNCHRONIZE CACHE(16)")),
            Map.entry(0xa8, new Command(Op.READ, "READ(12)")),
            Map.entry(0xaa, new Command(Op.WRITE, "WRITE(12)")))));

    /** The standard table: the opcodes above, by number and by name, and the plain names a driver writes. */
    public static final DriverOps STANDARD = standard();

    private final Map<Integer, Command> opcodes;
    private final Map<String, Command> names;

    private DriverOps(Map<Integer, Command> opcodes, Map<String, Command> names) {
        this.opcodes = Map.copyOf(opcodes);
        this.names = Map.copyOf(names);
    }

    private static DriverOps standard() {
        Map<String, Command> names = new LinkedHashMap<>();
        OPCODES.values().forEach(c -> names.put(c.name(), c));
        for (String name : new String[] {"READ", "WRITE", "SYNCHRONIZE CACHE", "SYNC CACHE", "FLUSH", "FLUSH CACHE"}) {
            Op op = name.startsWith("READ") ? Op.READ : name.startsWith("WRITE") ? Op.WRITE : Op.FSYNC;
            names.put(name, new Command(op, name));
        }
        return new DriverOps(OPCODES, names);
    }

    /** These ops with {@code key} (a name or an opcode) declared as {@code op}, over what the table said of it. */
    DriverOps with(String key, Op op) {
        Optional<Integer> opcode = opcode(key);
        Map<Integer, Command> moreOpcodes = new LinkedHashMap<>(opcodes);
        Map<String, Command> moreNames = new LinkedHashMap<>(names);
        opcode.ifPresentOrElse(o -> moreOpcodes.put(o, new Command(op, key.strip())),
                () -> moreNames.put(normal(key), new Command(op, normal(key))));
        return new DriverOps(moreOpcodes, moreNames);
    }

    /** The command {@code text} names, as a name or an opcode; the exception's message says what is known. */
    public Command of(String text) {
        Optional<Integer> opcode = opcode(text);
        if (opcode.isPresent()) {
            Command command = opcodes.get(opcode.get());
            if (command == null) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "unknown SCSI opcode 0x%02x; known: %s; declare others"
                        + " under 'ops' in the format", opcode.get(), String.join(", ", new TreeMap<>(opcodes).keySet().stream()
                        .map(o -> String.format(Locale.ROOT, "0x%02x", o)).toList())));
            }
            return command;
        }
        Command command = names.get(normal(text));
        if (command == null) {
            throw new IllegalArgumentException("unknown operation '" + text.strip() + "'" + Suggest.hint(normal(text), names.keySet())
                    + "; declare it under 'ops' in the format");
        }
        return command;
    }

    /** The opcode {@code text} writes ({@code 0x2a}, {@code 2Ah}), if it is one. */
    static Optional<Integer> opcode(String text) {
        Matcher m = OPCODE.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2), 16));
    }

    /** A name as the table keeps it: upper case, one space between words, none before a parenthesis ("read (10)" is READ(10)). */
    static String normal(String name) {
        return name.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s_-]+", " ").replace(" (", "(");
    }
}
