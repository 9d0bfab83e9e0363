package dev.orchestrate.results;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A titled table of text, the unit the result pages are made of, so that the comparison and the
 * sign-off render a section the same way in Markdown and in HTML. A table with no rows says "none".
 */
public record Table(String title, List<String> columns, List<List<String>> rows) {

    public Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** This table with only its first {@code n} columns, for a page that says the rest elsewhere. */
    public Table firstColumns(int n) {
        return new Table(title, columns.subList(0, Math.min(n, columns.size())),
                rows.stream().map(row -> row.subList(0, Math.min(n, row.size()))).toList());
    }

    /** The rows as a Markdown table, or "none"; the caller writes the title. */
    public String markdown() {
        if (rows.isEmpty()) {
            return "none\n";
        }
        StringBuilder out = new StringBuilder("| ").append(String.join(" | ", columns.stream().map(Table::markdownCell).toList()))
                .append(" |\n|");
        columns.forEach(col -> out.append("---|"));
        out.append('\n');
        rows.forEach(row -> out.append("| ").append(row.stream().map(Table::markdownCell).collect(Collectors.joining(" | ")))
                .append(" |\n"));
        return out.toString();
    }

    /** The rows as an HTML table (well-formed XML, for the PDF renderer too), or a paragraph saying "none"; the caller writes the title. */
    public String html() {
        return html("");
    }

    /** As {@link #html()}, the table of the CSS class {@code cssClass} (none when empty), for a page that styles it. */
    public String html(String cssClass) {
        if (rows.isEmpty()) {
            return "<p>none</p>\n";
        }
        StringBuilder out = new StringBuilder(cssClass.isEmpty() ? "<table>" : "<table class=\"" + escape(cssClass) + "\">")
                .append("<thead><tr>");
        columns.forEach(col -> out.append("<th>").append(escape(col)).append("</th>"));
        out.append("</tr></thead><tbody>\n");
        rows.forEach(row -> {
            out.append("<tr>");
            row.forEach(cell -> out.append("<td>").append(escape(cell)).append("</td>"));
            out.append("</tr>\n");
        });
        return out.append("</tbody></table>\n").toString();
    }

    /** Text in a Markdown table cell: a pipe would end the cell, a newline the row. */
    static String markdownCell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /** Text in HTML: the four characters that would be read as markup. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
