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

    private final Comparison comparison;
    private final List<Table> sections;

    public ComparisonReport(Comparison comparison) {
        this.comparison = comparison;
        this.sections = new ArrayList<>(cellTables());
        this.sections.add(identityTable());
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

    /** "2026-12-02T01:00:00Z (driver=2.0.9, station=lab-1)": a run as a person names it. */
    static String about(Summary s) {
        String labels = s.labels().isEmpty() ? "" : " (" + s.labels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ")) + ")";
        return s.started() + labels;
    }

    /** Where the two runs are, their verdicts, and whether the suite file changed between them. */
    public List<String> notes() {
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

    /** The cells that changed, one table per kind of change, then the cells of the baseline the run does not have. */
    public List<Table> cellTables() {
        List<String> change = List.of("cell", "baseline", "run", "why");
        Comparison c = comparison;
        return List.of(new Table("New failures", change, rows(c.newFailures(), true)),
                new Table("Fixed", change, rows(c.fixed(), false)),
                new Table("Still failing", change, rows(c.stillFailing(), true)),
                new Table("Newly skipped", change, rows(c.newlySkipped(), true)),
                new Table("I/O pattern changed", List.of("cell", "baseline", "run"),
                        c.patterns().stream().map(p -> List.of(p.cell(), p.before(), p.after())).toList()),
                new Table("Not in this run", List.of("cell"), c.gone().stream().map(List::of).toList()));
    }

    /** The target identity fields and limits that differ between the two runs. */
    public Table identityTable() {
        return new Table("Target identity and limits changed", List.of("field"), comparison.identity().stream().map(List::of).toList());
    }

    private static List<List<String>> rows(List<Comparison.Change> changes, boolean why) {
        return changes.stream().map(ch -> List.of(ch.cell(), ch.before(), ch.after(), why ? ch.message() : "")).toList();
    }

    /** For the terminal. */
    public String text() {
        StringBuilder out = new StringBuilder(title()).append('\n');
        notes().forEach(n -> out.append("  ").append(n).append('\n'));
        out.append(verdict().toUpperCase(Locale.ROOT)).append('\n');
        for (Table s : sections) {
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
        for (Table s : sections) {
            out.append("\n## ").append(s.title()).append("\n\n").append(s.markdown());
        }
        return out.toString();
    }

    /** A page of its own, for the night's artifacts. */
    public String html() {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Table.escape(title())).append("</title>\n<style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em;max-width:80em}table{border-collapse:collapse;width:100%}")
                .append("th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}th{background:#f3f3f3}")
                .append(".bad{color:#b00020}.good{color:#1b5e20}</style></head><body>\n<h1>").append(Table.escape(title()))
                .append("</h1>\n<ul>");
        notes().forEach(n -> out.append("<li>").append(Table.escape(n)).append("</li>"));
        out.append("</ul>\n<p class=\"").append(comparison.regressed() ? "bad" : "good").append("\"><strong>")
                .append(Table.escape(verdict()))
                .append("</strong></p>\n");
        for (Table s : sections) {
            out.append("<h2>").append(Table.escape(s.title())).append("</h2>\n").append(s.html());
        }
        return out.append("</body></html>\n").toString();
    }
}
