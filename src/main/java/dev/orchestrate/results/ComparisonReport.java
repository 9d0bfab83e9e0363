package dev.orchestrate.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A {@link Comparison} for people: as text for the terminal, Markdown for a CI job's summary, and a
 * self-contained HTML page for the night's artifacts. All three say the same, from the same sections.
 */
public final class ComparisonReport {

    /** A titled list of rows; a section with no rows says "none". */
    private record Section(String title, List<String> columns, List<List<String>> rows) {
    }

    private final Comparison comparison;
    private final List<Section> sections;

    public ComparisonReport(Comparison comparison) {
        this.comparison = comparison;
        this.sections = sections(comparison);
    }

    /** "2 new failures since last night" or "no new failures": the line a gate prints. */
    public String verdict() {
        int n = comparison.newFailures().size();
        return n == 0 ? "no new failures" : n + " new failure" + (n == 1 ? "" : "s");
    }

    private String title() {
        return "orchestrate compare: " + comparison.run().suite() + " run " + about(comparison.run()) + " against "
                + about(comparison.baseline());
    }

    private static String about(Summary s) {
        String labels = s.labels().isEmpty() ? "" : " (" + s.labels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ")) + ")";
        return s.started() + labels;
    }

    private List<String> notes() {
        List<String> notes = new ArrayList<>();
        notes.add("run: " + comparison.run().runDir() + " (" + comparison.run().verdict() + ")");
        notes.add("baseline: " + comparison.baseline().runDir() + " (" + comparison.baseline().verdict() + ")");
        if (!comparison.sameSuiteFile()) {
            notes.add("the suite file changed between the two runs (SHA-256 " + shortSha(comparison.baseline()) + " → "
                    + shortSha(comparison.run()) + ")");
        }
        return notes;
    }

    private static String shortSha(Summary s) {
        return s.suiteSha256() == null || s.suiteSha256().length() < 12 ? "unknown" : s.suiteSha256().substring(0, 12);
    }

    private static List<Section> sections(Comparison c) {
        List<String> change = List.of("cell", "baseline", "run", "why");
        List<Section> out = new ArrayList<>();
        out.add(new Section("New failures", change, rows(c.newFailures(), true)));
        out.add(new Section("Fixed", change, rows(c.fixed(), false)));
        out.add(new Section("Still failing", change, rows(c.stillFailing(), true)));
        out.add(new Section("Newly skipped", change, rows(c.newlySkipped(), true)));
        out.add(new Section("I/O pattern changed", List.of("cell", "baseline", "run"),
                c.patterns().stream().map(p -> List.of(p.cell(), p.before(), p.after())).toList()));
        out.add(new Section("Target identity and limits changed", List.of("field"), c.identity().stream().map(List::of).toList()));
        out.add(new Section("Not in this run", List.of("cell"), c.gone().stream().map(List::of).toList()));
        return out;
    }

    private static List<List<String>> rows(List<Comparison.Change> changes, boolean why) {
        return changes.stream().map(ch -> List.of(ch.cell(), ch.before(), ch.after(), why ? ch.message() : "")).toList();
    }

    /** For the terminal. */
    public String text() {
        StringBuilder out = new StringBuilder(title()).append('\n');
        notes().forEach(n -> out.append("  ").append(n).append('\n'));
        out.append(verdict().toUpperCase(Locale.ROOT)).append('\n');
        for (Section s : sections) {
            out.append('\n').append(s.title()).append(": ").append(s.rows().isEmpty() ? "none" : s.rows().size()).append('\n');
            for (List<String> row : s.rows()) {
                out.append("  ").append(row.getFirst());
                if (row.size() > 2) {
                    out.append(": ").append(row.get(1)).append(" → ").append(row.get(2));
                }
                if (row.size() > 3 && !row.get(3).isEmpty()) {
                    out.append("\n      ").append(row.get(3));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** For a CI job's summary or a ticket. */
    public String markdown() {
        StringBuilder out = new StringBuilder("# ").append(title()).append("\n\n");
        notes().forEach(n -> out.append("- ").append(n).append('\n'));
        out.append("\n**").append(verdict()).append("**\n");
        for (Section s : sections) {
            out.append("\n## ").append(s.title()).append("\n\n");
            if (s.rows().isEmpty()) {
                out.append("none\n");
                continue;
            }
            out.append("| ").append(String.join(" | ", s.columns())).append(" |\n|");
            s.columns().forEach(col -> out.append("---|"));
            out.append('\n');
            s.rows().forEach(row -> out.append("| ").append(row.stream().map(ComparisonReport::cellText)
                    .collect(Collectors.joining(" | "))).append(" |\n"));
        }
        return out.toString();
    }

    /** A page of its own, for the night's artifacts. */
    public String html() {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title())).append("</title>\n<style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em;max-width:80em}table{border-collapse:collapse;width:100%}")
                .append("th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}th{background:#f3f3f3}")
                .append(".bad{color:#b00020}.good{color:#1b5e20}</style></head><body>\n<h1>").append(escape(title())).append("</h1>\n<ul>");
        notes().forEach(n -> out.append("<li>").append(escape(n)).append("</li>"));
        out.append("</ul>\n<p class=\"").append(comparison.regressed() ? "bad" : "good").append("\"><strong>").append(escape(verdict()))
                .append("</strong></p>\n");
        for (Section s : sections) {
            out.append("<h2>").append(escape(s.title())).append("</h2>\n");
            if (s.rows().isEmpty()) {
                out.append("<p>none</p>\n");
                continue;
            }
            out.append("<table><tr>");
            s.columns().forEach(col -> out.append("<th>").append(escape(col)).append("</th>"));
            out.append("</tr>\n");
            s.rows().forEach(row -> {
                out.append("<tr>");
                row.forEach(cell -> out.append("<td>").append(escape(cell)).append("</td>"));
                out.append("</tr>\n");
            });
            out.append("</table>\n");
        }
        return out.append("</body></html>\n").toString();
    }

    private static String cellText(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
