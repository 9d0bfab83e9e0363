package dev.orchestrate.results;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which I/O patterns a run covered and how each ended, laid out as a release manager reads it: the
 * tools down the side (or the first axis, in a suite without a tool axis), every other axis combined
 * into the columns, one square per cell. A combination no cell ran (left out with --only, or not
 * reached) is a square of its own: what was not covered is as much part of a sign-off as what failed.
 *
 * @param rowAxis the axis down the side; empty in a suite without axes, whose one row is its one cell
 * @param columnAxes the other axes, in matrix order
 * @param rows the row axis's values
 * @param columns each column's values of {@code columnAxes}, joined by " · "; one empty column when there are none
 * @param squares by row, then by column
 */
public record Coverage(String rowAxis, List<String> columnAxes, List<String> rows, List<String> columns, List<List<Square>> squares) {

    /** The axis that goes down the side when a suite has it. */
    static final String ROW_AXIS = "tool";
    private static final String JOIN = " · ";
    /** The ticket at the end of an expectation, as {@code Expectation.describe()} writes it: "failed with x (DRV-12)". */
    private static final Pattern TICKET = Pattern.compile("\\(([^()]+)\\)\\s*$");

    /** How a square ended, by the word the page shows beside its colour. */
    public enum Kind {
        PASSED("passed"), FAILED("failed"), KNOWN_FAILURE("known failure"), UNEXPECTED_PASS("unexpected pass"), BROKEN("broken"),
        SKIPPED("skipped"), NOT_FINISHED("not finished"), NOT_COVERED("not covered");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /**
     * One square.
     *
     * @param detail the defect a failure found, a known failure's defect and ticket, the ticket an unexpected pass may close; or empty
     * @param cell the cell's name; empty where no cell ran
     */
    public record Square(Kind kind, String detail, String cell) {
    }

    /**
     * The matrix of {@code cells}.
     *
     * @param declared the suite's axes and their values in file order, where the suite is known (its combinations no cell ran
     *                 become "not covered"); values only the cells have follow them
     */
    public static Coverage of(List<Summary.Cell> cells, Map<String, List<String>> declared) {
        Map<String, Set<String>> axes = new LinkedHashMap<>();
        declared.forEach((axis, values) -> axes.put(axis, new LinkedHashSet<>(values)));
        cells.forEach(c -> c.axes().forEach((axis, value) -> axes.computeIfAbsent(axis, a -> new LinkedHashSet<>()).add(value)));
        String rowAxis = axes.containsKey(ROW_AXIS) ? ROW_AXIS : axes.keySet().stream().findFirst().orElse("");
        List<String> columnAxes = axes.keySet().stream().filter(a -> !a.equals(rowAxis)).toList();
        List<String> rows = rowAxis.isEmpty() ? cells.stream().map(Summary.Cell::name).distinct().toList()
                : List.copyOf(axes.get(rowAxis));
        List<List<String>> combinations = new ArrayList<>(List.of(List.of()));
        for (String axis : columnAxes) {
            List<List<String>> longer = new ArrayList<>();
            combinations.forEach(prefix -> axes.get(axis).forEach(v -> longer.add(append(prefix, v))));
            combinations = longer;
        }
        List<String> columns = combinations.stream().map(values -> String.join(JOIN, values)).toList();
        Map<String, Summary.Cell> byPlace = new HashMap<>();
        cells.forEach(c -> byPlace.putIfAbsent(place(row(c, rowAxis), column(c, columnAxes)), c));
        List<List<Square>> squares = rows.stream().map(row -> columns.stream()
                .map(column -> Optional.ofNullable(byPlace.get(place(row, column))).map(Coverage::square)
                        .orElse(new Square(Kind.NOT_COVERED, "", ""))).toList()).toList();
        return new Coverage(rowAxis, columnAxes, rows, columns, squares);
    }

    /** How many squares of each kind, in the order of {@link Kind}, leaving out kinds with none. */
    public Map<Kind, Long> tally() {
        return squares.stream().flatMap(List::stream)
                .collect(Collectors.groupingBy(Square::kind, () -> new EnumMap<>(Kind.class), Collectors.counting()));
    }

    /** How {@code cell} ended, as a square shows it. */
    public static Kind kind(Summary.Cell cell) {
        return switch (cell.status()) {
            case "passed" -> Kind.PASSED;
            case "failed" -> Boolean.TRUE.equals(cell.asExpected()) ? Kind.KNOWN_FAILURE
                    : Boolean.FALSE.equals(cell.asExpected()) && blank(cell.defect()) ? Kind.UNEXPECTED_PASS : Kind.FAILED;
            case "broken" -> Kind.BROKEN;
            case "skipped" -> Kind.SKIPPED;
            default -> Kind.NOT_FINISHED;
        };
    }

    static Square square(Summary.Cell cell) {
        Kind kind = kind(cell);
        Optional<String> ticket = ticket(cell.expected());
        String detail = switch (kind) {
            case FAILED -> blank(cell.defect()) ? "no defect named" : cell.defect();
            case KNOWN_FAILURE -> (blank(cell.defect()) ? "" : cell.defect()) + ticket.map(t -> " (" + t + ")").orElse("");
            case UNEXPECTED_PASS -> "expected to fail" + ticket.map(t -> " (" + t + ")").orElse("");
            default -> "";
        };
        return new Square(kind, detail.strip(), cell.name());
    }

    /** The ticket an expectation names, e.g. DRV-12. */
    static Optional<String> ticket(String expected) {
        Matcher m = TICKET.matcher(expected == null ? "" : expected);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String row(Summary.Cell cell, String rowAxis) {
        return rowAxis.isEmpty() ? cell.name() : cell.axes().getOrDefault(rowAxis, "");
    }

    private static String column(Summary.Cell cell, List<String> columnAxes) {
        return columnAxes.stream().map(a -> cell.axes().getOrDefault(a, "")).collect(Collectors.joining(JOIN));
    }

    private static String place(String row, String column) {
        return row + "\n" + column;
    }

    private static List<String> append(List<String> prefix, String value) {
        List<String> longer = new ArrayList<>(prefix);
        longer.add(value);
        return longer;
    }

    private static boolean blank(String text) {
        return text == null || text.isEmpty();
    }
}
