package dev.orchestrate.suite;

import java.util.TreeMap;

/** The suite reference as Markdown, derived from the declarations; the README's reference section is this text. */
public final class Reference {

    private Reference() {
    }

    public static String markdown(Vocabulary vocabulary) {
        StringBuilder out = new StringBuilder();
        out.append("### Top level\n\n");
        table(out, SuiteLoader.TOP);
        SuiteLoader.STRUCTURE.forEach((name, help) -> out.append("- `").append(name).append("`: ").append(help).append('\n'));
        out.append("\n### target\n\n").append(vocabulary.target().help()).append("\n\n");
        section(out, vocabulary.target());
        out.append("### steps\n\n");
        new TreeMap<>(vocabulary.steps()).forEach((name, section) -> {
            out.append("#### ").append(name).append("\n\n").append(section.help()).append("\n\n");
            section(out, section);
        });
        out.append("### expect\n\n").append(Expect.HELP).append(" The keys of an entry:\n\n");
        out.append("- `").append(Expect.WHEN).append("`: ").append(Expect.WHEN_HELP).append("\n\n");
        table(out, Expect.ENTRY);
        out.append("```yaml\n").append(Expect.EXAMPLE).append("```\n");
        return out.toString();
    }

    private static void section(StringBuilder out, Section section) {
        if (!section.keys().isEmpty()) {
            table(out, section);
        }
        new TreeMap<>(section.variants()).forEach((variant, v) -> {
            out.append("`").append(section.selector()).append(": ").append(variant).append("`: ").append(v.help()).append("\n\n");
            if (!v.keys().isEmpty()) {
                table(out, Section.of(variant, v.help(), v.keys()));
            }
        });
    }

    private static void table(StringBuilder out, Section section) {
        out.append("| key | type | default | meaning |\n|---|---|---|---|\n");
        for (Key key : section.keys()) {
            String type = switch (key.type()) {
                case CHOICE -> String.join(" \\| ", key.choices());
                case SIZE -> "size";
                case COUNT -> "count";
                case DURATION -> "duration";
                case TEXT -> "text";
            };
            String fallback = key.required() ? "required"
                    : key.fallback() == null || key.fallback().isEmpty() ? "" : "`" + key.fallback() + "`";
            out.append("| `").append(key.name()).append("` | ").append(type).append(" | ").append(fallback).append(" | ")
                    .append(key.help()).append(" |\n");
        }
        out.append('\n');
    }
}
