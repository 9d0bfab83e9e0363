package dev.orchestrate.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A set of file names for a name sweep, read from a text file: one name per line, {@code #} lines
 * are comments, and {@code \}{@code u{XXXX}} writes a code point, so that forms an editor would
 * normalise (the same name in NFC and NFD) survive in the file.
 *
 * @param names the names, byte for byte as files will be called
 * @param problems what is wrong with the file, each as "file:line: what"; empty when it can be used
 */
public record NameSet(Path file, List<String> names, List<String> problems) {

    /** A name longer than this in UTF-8 is refused by most file systems (NAME_MAX). */
    public static final int MAX_BYTES = 255;

    private static final Pattern ESCAPE = Pattern.compile("\\\\u\\{([0-9A-Fa-f]{1,6})}");

    public NameSet {
        names = List.copyOf(names);
        problems = List.copyOf(problems);
    }

    public static NameSet read(Path file) {
        List<String> names = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> lines;
        try {
            lines = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString().lines().toList();
        } catch (CharacterCodingException e) {
            return new NameSet(file, names, List.of(file + ": not UTF-8 text; save it as UTF-8"));
        } catch (IOException e) {
            return new NameSet(file, names, List.of(file + ": cannot read the name set: " + e.getMessage()));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String at = file + ":" + (i + 1) + ": ";
            String name;
            try {
                name = unescape(line);
            } catch (IllegalArgumentException e) {
                problems.add(at + e.getMessage());
                continue;
            }
            String problem = problem(name);
            if (problem != null) {
                problems.add(at + problem);
            } else if (!seen.add(name)) {
                problems.add(at + "'" + name + "' is listed twice");
            } else {
                names.add(name);
            }
        }
        if (names.isEmpty() && problems.isEmpty()) {
            problems.add(file + ": holds no names; write one name per line");
        }
        return new NameSet(file, names, problems);
    }

    /** How many code points {@link #codePoints} spells out before it abbreviates. */
    static final int SPELLED = 24;

    /**
     * The code points of a name, e.g. "U+0065 U+0301", so two forms that look alike can be told
     * apart in a report; a long name is cut after {@value #SPELLED} of them.
     */
    public static String codePoints(String name) {
        int[] points = name.codePoints().toArray();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(points.length, SPELLED); i++) {
            out.append(i == 0 ? "" : " ").append(String.format("U+%04X", points[i]));
        }
        return points.length <= SPELLED ? out.toString() : out + " ... (" + points.length + " code points)";
    }

    private static String unescape(String line) {
        Matcher m = ESCAPE.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int c = Integer.parseInt(m.group(1), 16);
            if (!Character.isValidCodePoint(c) || Character.getType(c) == Character.SURROGATE) {
                throw new IllegalArgumentException("\\u{" + m.group(1) + "} is not a Unicode character");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(Character.toString(c)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String problem(String name) {
        if (name.equals(".") || name.equals("..")) {
            return "'" + name + "' is not a file name";
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\0') >= 0) {
            return "'" + name + "' holds '/' or NUL, which no file name can";
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return "'" + name.substring(0, 20) + "...' is " + bytes + " bytes in UTF-8; file names hold at most " + MAX_BYTES;
        }
        return null;
    }
}
