package dev.orchestrate.results;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A {@link SignOff} as the one page a release manager reads and attaches to the release: a
 * self-contained HTML page that prints on A4 and Letter (and is the PDF's source, so it is
 * well-formed XML and uses CSS a PDF renderer knows), and the same in Markdown. The coverage matrix
 * gives every square a colour and a word, so that it reads at a glance on screen and in grey on paper.
 */
public final class SignOffPage {

    private static final String STYLE = """
            @page { margin: 14mm 12mm 16mm 12mm;
              @bottom-left { content: "%s"; font-family: Helvetica, Arial, sans-serif; font-size: 7pt; color: #666; }
              @bottom-right { content: "page " counter(page) " of " counter(pages); font-family: Helvetica, Arial, sans-serif;
                font-size: 7pt; color: #666; } }
            body { font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; font-size: 9.5pt; color: #1c1c1c; line-height: 1.3; }
            @media screen { body { max-width: 190mm; margin: 2em auto; padding: 0 1em; } }
            h1 { font-size: 17pt; margin: 0 0 2pt 0; }
            h2 { font-size: 12pt; margin: 14pt 0 4pt 0; border-bottom: 1pt solid #999; page-break-after: avoid; }
            h3 { font-size: 10pt; margin: 8pt 0 3pt 0; page-break-after: avoid; }
            p { margin: 3pt 0; }
            .sub { color: #555; margin-bottom: 6pt; }
            table { border-collapse: collapse; width: 100%%; margin: 2pt 0 4pt 0; }
            th, td { border: 0.5pt solid #bbb; padding: 2pt 4pt; text-align: left; vertical-align: top; }
            th { background: #f0f0f0; }
            thead { display: table-header-group; }
            tr { page-break-inside: avoid; }
            table.files { page-break-inside: avoid; }
            table.files td:first-child { width: 25%%; word-break: break-all; }
            table.files td + td { width: 20%%; }
            table.files td + td + td { width: auto; font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 7.5pt; }
            table.findings td:first-child { width: 24%%; }
            table.findings td + td { width: 20%%; }
            table.findings td + td + td { width: auto; }
            .banner { padding: 5pt 8pt; margin: 6pt 0; border-radius: 3pt; font-size: 11pt; }
            .banner b { font-size: 14pt; letter-spacing: 0.5pt; margin-right: 6pt; }
            .v-passed { background: #c8e6c9; color: #0b3d10; }
            .v-failed, .v-broken, .v-interrupted { background: #e53935; color: #fff; }
            .v-not-finished { background: #90caf9; color: #0d2c54; }
            table.facts td:first-child, table.facts th:first-child { width: 22%%; }
            table.matrix { table-layout: fixed; }
            table.matrix th.corner { width: 20%%; padding: 1pt 3pt; }
            .corner .across { text-align: right; }
            .corner .down { text-align: left; font-weight: bold; color: #1c1c1c; }
            table.matrix th, table.matrix td { border: 1.5pt solid #fff; }
            table.matrix thead th { background: #fff; border-bottom: 1pt solid #999; text-align: center; vertical-align: bottom;
              font-size: 8.5pt; }
            table.matrix tbody th { background: #fff; border-right: 1pt solid #999; font-size: 9pt; vertical-align: middle; }
            table.matrix thead th.corner { text-align: left; color: #555; font-weight: normal; }
            td.sq { text-align: center; vertical-align: middle; padding: 4pt 2pt; font-size: 7.5pt; }
            td.sq b { font-size: 8.5pt; }
            .k-passed { background: #a5d6a7; color: #0b3d10; }
            .k-failed { background: #e53935; color: #fff; }
            .k-known-failure { background: #ffca28; color: #3e2b00; }
            .k-unexpected-pass { background: #ab47bc; color: #fff; }
            .k-broken { background: #455a64; color: #fff; }
            .k-skipped { background: #e0e0e0; color: #555; }
            .k-not-finished { background: #90caf9; color: #0d2c54; }
            .k-not-covered { background: #fff; color: #777; border: 1pt dashed #9e9e9e; }
            table.matrix td.k-not-covered { border: 1pt dashed #9e9e9e; }
            .banner, td.sq, .swatch { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            table.legend { width: auto; }
            table.legend td { border: none; padding: 1pt 4pt; font-size: 8.5pt; }
            .swatch { display: inline-block; width: 22pt; padding: 1pt 3pt; text-align: center; font-size: 7pt; font-weight: bold; }
            """;

    /** What each kind of square means, for the legend. */
    private static final Map<Coverage.Kind, String> MEANING = Map.of(
            Coverage.Kind.PASSED, "the data was intact at every verify",
            Coverage.Kind.FAILED, "lost or damaged data, unexpectedly; with the defect found",
            Coverage.Kind.KNOWN_FAILURE, "failed as the suite expects: a known driver bug, with its ticket",
            Coverage.Kind.UNEXPECTED_PASS, "the suite expects it to fail, and it passed: is the known bug fixed?",
            Coverage.Kind.BROKEN, "the rig failed (a tool crashed, a mount did not appear): nothing is known of the device",
            Coverage.Kind.SKIPPED, "not run, for the reason listed below",
            Coverage.Kind.NOT_FINISHED, "stopped at a reboot; awaits orchestrate resume",
            Coverage.Kind.NOT_COVERED, "no cell of the run is this combination");

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final SignOff signOff;
    private final Summary run;
    private final Optional<ComparisonReport> comparison;

    public SignOffPage(SignOff signOff) {
        this.signOff = signOff;
        this.run = signOff.run();
        this.comparison = signOff.comparison().map(ComparisonReport::new);
    }

    /** "Release sign-off: transfer-limit, driver 2.1.0-dext": what the page, its file and its PDF are called. */
    public String title() {
        String driver = run.labels().get("driver");
        return "Release sign-off: " + run.suite() + (driver == null ? ", run " + run.runId() : ", driver " + driver);
    }

    /** "6 cells failed unexpectedly": what the verdict means for this run. */
    private String verdictWhy() {
        Summary.Counts n = run.counts();
        return switch (run.verdict()) {
            case "passed" -> "every cell passed, or failed as the suite expects";
            case "failed" -> n.failed() + (n.failed() == 1 ? " cell" : " cells") + " failed unexpectedly";
            case "broken" -> "the rig broke in " + n.broken() + (n.broken() == 1 ? " cell" : " cells")
                    + "; the device was not fully judged";
            case "not-finished" -> "the run stopped at a reboot and awaits orchestrate resume";
            default -> "the run was " + run.verdict();
        };
    }

    /** "driver=2.1.0-dext, station=lab-1 · 2026-12-02 14:50:13 UTC · emulated target · run 49272f0bbe3fb592". */
    private String subtitle() {
        String labels = run.labels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        return (labels.isEmpty() ? "" : labels + " · ") + when(run.started()) + " · " + run.target().kind() + " target · run "
                + run.runId();
    }

    /** An ISO-8601 instant to the second, as people read it; text that is no instant as it is. */
    private static String when(String instant) {
        try {
            return SECONDS.format(Instant.parse(instant));
        } catch (DateTimeParseException e) {
            return instant;
        }
    }

    private String counts() {
        Summary.Counts n = run.counts();
        return n.cells() + " cells: " + n.passed() + " passed, " + n.failed() + " failed, " + n.failedAsExpected()
                + (n.failedAsExpected() == 1 ? " known failure, " : " known failures, ")
                + n.broken() + " broken, " + n.skipped() + " skipped";
    }

    private Table facts() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("suite", run.suite() + (run.suiteFile().isEmpty() ? "" : " (" + run.suiteFile() + ")")));
        rows.add(List.of("run id", run.runId()));
        rows.add(List.of("started", when(run.started())));
        rows.add(List.of("finished", run.finished().isEmpty() ? "not finished" : when(run.finished())));
        rows.add(List.of("verdict", run.verdict() + " (exit " + run.exitCode() + ")"));
        run.labels().forEach((k, v) -> rows.add(List.of(k, v)));
        rows.add(List.of("target", run.target().kind() + (run.target().description().isEmpty() ? "" : ": " + run.target().description())));
        rows.add(List.of("run directory", signOff.dir().toString()));
        signOff.comparison().ifPresent(c -> rows.add(List.of("baseline",
                ComparisonReport.about(c.baseline()) + ", " + c.baseline().runDir())));
        return new Table("Run", List.of("field", "value"), rows);
    }

    private Table identity() {
        return new Table("Target identity and limits", List.of("field", "value"),
                run.target().identity().entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).toList());
    }

    private Table promises() {
        return new Table("Promises checked", List.of("step", "what it promises", "cells", "held", "lost data", "lost, known", "not judged"),
                signOff.promises().stream().map(p -> List.of(p.step(), p.promise(), "" + p.cells(), "" + p.held(), "" + p.lost(),
                        "" + p.known(), "" + p.notJudged())).toList());
    }

    private String promisesNote() {
        return !signOff.promisesUnknown().isEmpty() ? signOff.promisesUnknown()
                : signOff.promises().isEmpty() ? "no sync, fsync, unmount, eject, reboot or power cut with a verify after it"
                : "A step's promise is checked in a cell where a verify follows it. A cell that lost data counts against the promises"
                + " its failing verify checked; those an earlier verify found kept count as held, later ones as not judged.";
    }

    private Table findings() {
        return new Table("Cells that did not pass", List.of("cell", "result", "why"), run.cells().stream()
                .filter(c -> Coverage.kind(c) != Coverage.Kind.PASSED).map(c -> {
                    Coverage.Square s = Coverage.square(c);
                    return List.of(c.name(), s.kind().word() + (s.detail().isEmpty() ? "" : ": " + s.detail()), c.message());
                }).toList());
    }

    private Table files() {
        return new Table("Files", List.of("file", "what it is", "SHA-256"),
                signOff.hashes().stream().map(h -> List.of(h.file(), h.note(), h.sha256().isEmpty() ? "-" : h.sha256())).toList());
    }

    /** The page, for a browser, a printer and the PDF renderer. */
    public String html() {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>")
                .append(Table.escape(title())).append("</title>\n<style>\n")
                .append(STYLE.formatted(("orchestrate sign-off: " + run.suite() + " run " + run.runId()).replaceAll("[^\\w.: -]", "_")))
                .append("</style></head><body>\n")
                .append("<h1>").append(Table.escape(title())).append("</h1>\n<p class=\"sub\">").append(Table.escape(subtitle()))
                .append("</p>\n")
                .append("<div class=\"banner v-").append(Table.escape(run.verdict())).append("\"><b>")
                .append(Table.escape(run.verdict().toUpperCase(Locale.ROOT))).append("</b>").append(Table.escape(verdictWhy()))
                .append("<br/>").append(Table.escape(counts()));
        againstBaseline().ifPresent(line -> out.append("<br/>").append(Table.escape(line)));
        out.append("</div>\n");
        out.append("<h2>Coverage</h2>\n").append(matrixHtml()).append(legendHtml());
        section(out, promises());
        out.append("<p>").append(Table.escape(promisesNote())).append("</p>\n");
        out.append("<h2>Run</h2>\n").append(facts().html("facts"));
        section(out, identity());
        comparison.ifPresent(c -> subsection(out, "Changed since the baseline", c.identityTable()));
        out.append("<h2>Cells that did not pass</h2>\n").append(findings().html("findings"));
        comparison.ifPresent(c -> {
            out.append("<h2>Since the baseline</h2>\n<p><b>").append(Table.escape(c.verdict())).append("</b></p>\n<ul>");
            c.notes().forEach(n -> out.append("<li>").append(Table.escape(n)).append("</li>"));
            out.append("</ul>\n");
            changes(c).forEach(t -> subsection(out, t.title(), t));
            out.append("<p>").append(Table.escape(noChanges(c))).append("</p>\n");
        });
        out.append("<h2>Files</h2>\n").append(files().html("files"));
        return out.append("</body></html>\n").toString();
    }

    /** "against 2026-12-01T01:00:00Z (driver=2.0.9): no new failures". */
    private Optional<String> againstBaseline() {
        return comparison.map(c -> "against " + ComparisonReport.about(signOff.comparison().orElseThrow().baseline()) + ": " + c.verdict());
    }

    /** The kinds of change that have cells, without the comparison's "why": the page lists every cell that did not pass with it. */
    private static List<Table> changes(ComparisonReport c) {
        return c.cellTables().stream().filter(t -> !t.rows().isEmpty()).map(t -> t.firstColumns(3)).toList();
    }

    /** "None: Fixed, Newly skipped, Not in this run": the kinds of change with no cell, on one line. */
    private static String noChanges(ComparisonReport c) {
        return "None: " + c.cellTables().stream().filter(t -> t.rows().isEmpty()).map(Table::title).collect(Collectors.joining(", "));
    }

    private static void section(StringBuilder out, Table table) {
        out.append("<h2>").append(Table.escape(table.title())).append("</h2>\n").append(table.html());
    }

    private static void subsection(StringBuilder out, String title, Table table) {
        out.append("<h3>").append(Table.escape(title)).append("</h3>\n").append(table.html());
    }

    private String matrixHtml() {
        Coverage m = signOff.coverage();
        StringBuilder out = new StringBuilder("<table class=\"matrix\"><thead><tr><th class=\"corner\"><div class=\"across\">")
                .append(Table.escape(String.join(" · ", m.columnAxes()))).append("</div><div class=\"down\">")
                .append(Table.escape(m.rowAxis())).append("</div></th>");
        m.columns().forEach(c -> out.append("<th>").append(Table.escape(c.isEmpty() ? "result" : c)).append("</th>"));
        out.append("</tr></thead><tbody>\n");
        for (int r = 0; r < m.rows().size(); r++) {
            out.append("<tr><th>").append(Table.escape(m.rows().get(r))).append("</th>");
            for (Coverage.Square s : m.squares().get(r)) {
                out.append("<td class=\"sq ").append(css(s.kind())).append("\"><b>").append(Table.escape(s.kind().word())).append("</b>");
                if (!s.detail().isEmpty()) {
                    out.append("<br/>").append(Table.escape(s.detail()));
                }
                out.append("</td>");
            }
            out.append("</tr>\n");
        }
        return out.append("</tbody></table>\n").toString();
    }

    private String legendHtml() {
        StringBuilder out = new StringBuilder("<table class=\"legend\"><tbody>\n");
        signOff.coverage().tally().forEach((kind, n) -> out.append("<tr><td><span class=\"swatch ").append(css(kind)).append("\">")
                .append(n).append("</span></td><td><b>").append(Table.escape(kind.word())).append("</b>: ")
                .append(Table.escape(MEANING.get(kind))).append("</td></tr>\n"));
        return out.append("</tbody></table>\n").toString();
    }

    private static String css(Coverage.Kind kind) {
        return "k-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The same page in Markdown, for a release ticket or a CI job's summary. */
    public String markdown() {
        StringBuilder out = new StringBuilder("# ").append(title()).append("\n\n").append(subtitle()).append("\n\n**")
                .append(run.verdict().toUpperCase(Locale.ROOT))
                .append("**: ").append(verdictWhy()).append("  \n").append(counts());
        againstBaseline().ifPresent(line -> out.append("  \n").append(line));
        out.append('\n');
        out.append("\n## Coverage\n\n").append(matrixMarkdown()).append('\n');
        signOff.coverage().tally().forEach((kind, n) -> out.append("- ").append(kind.word()).append(" (").append(n).append("): ")
                .append(MEANING.get(kind)).append('\n'));
        mdSection(out, "##", promises());
        out.append('\n').append(promisesNote()).append('\n');
        mdSection(out, "##", facts());
        mdSection(out, "##", identity());
        comparison.ifPresent(c -> mdSection(out, "###", new Table("Changed since the baseline", List.of("field"),
                c.identityTable().rows())));
        mdSection(out, "##", findings());
        comparison.ifPresent(c -> {
            out.append("\n## Since the baseline\n\n**").append(c.verdict()).append("**\n\n");
            c.notes().forEach(n -> out.append("- ").append(n).append('\n'));
            changes(c).forEach(t -> mdSection(out, "###", t));
            out.append('\n').append(noChanges(c)).append('\n');
        });
        mdSection(out, "##", files());
        return out.toString();
    }

    private static void mdSection(StringBuilder out, String level, Table table) {
        out.append('\n').append(level).append(' ').append(table.title()).append("\n\n").append(table.markdown());
    }

    private String matrixMarkdown() {
        Coverage m = signOff.coverage();
        List<String> columns = new ArrayList<>();
        columns.add(m.rowAxis() + (m.columnAxes().isEmpty() ? "" : " \\ " + String.join(" · ", m.columnAxes())));
        m.columns().forEach(c -> columns.add(c.isEmpty() ? "result" : c));
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < m.rows().size(); r++) {
            List<String> row = new ArrayList<>();
            row.add(m.rows().get(r));
            m.squares().get(r).forEach(s -> row.add(squareMarkdown(s)));
            rows.add(row);
        }
        return new Table("", columns, rows).markdown();
    }

    /** "passed", "**failed**: transfer-length", "known failure: transfer-length (DRV-12)": the bad ones in bold. */
    private static String squareMarkdown(Coverage.Square s) {
        boolean bad = s.kind() == Coverage.Kind.FAILED || s.kind() == Coverage.Kind.BROKEN || s.kind() == Coverage.Kind.UNEXPECTED_PASS;
        return (bad ? "**" + s.kind().word() + "**" : s.kind().word()) + (s.detail().isEmpty() ? "" : ": " + s.detail());
    }
}
