package dev.orchestrate.engine;

import dev.orchestrate.suite.Cell;
import dev.orchestrate.suite.Suite;
import java.util.List;
import java.util.stream.IntStream;

/**
 * {@code --shard 2/3}: the part of a suite's selected cells that one of several stations runs. The
 * selected cells (after {@code --only}) are dealt out in matrix order, round robin: the first to
 * shard 1, the second to shard 2, and so on. Dealing rather than cutting into blocks gives every
 * shard its share of each axis value (the big sizes, the slow tools) whatever the axis order, and
 * it depends on nothing but the suite and {@code --only}, so every station computes the same split.
 * Cells picked by identity ({@code --rerun-failed}) are kept from this shard's part, not dealt anew,
 * so a station reruns only the cells it owns. Written as the configuration parameter
 * {@code orchestrate.shard=2/3}.
 *
 * @param index 1 to {@code count}
 */
public record Shard(int index, int count) {

    public static final String PARAMETER = "orchestrate.shard";
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + " does not exist: give I/N with 1 <= I <= N");
        }
    }

    /** Parses {@code I/N}; anything else is an {@link IllegalArgumentException} saying what to give. */
    public static Shard parse(String text) {
        String[] parts = text.strip().split("/", -1);
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            }
        } catch (IllegalArgumentException e) {
            // said below, with what to give
        }
        throw new IllegalArgumentException("--shard '" + text + "' is not a shard: give I/N, the I-th of N parts of the selected cells,"
                + " 1 <= I <= N, e.g. --shard 1/2 on one station and --shard 2/2 on the other");
    }

    /** The shard a configuration parameter or a journal holds; empty or missing is {@link #ALL}. */
    public static Shard parseOrAll(String text) {
        return text == null || text.isBlank() ? ALL : parse(text);
    }

    /** The cells of {@code suite} that {@code filter} matches, of those this shard's part, and of that the cells it picks. */
    public List<Cell> cells(Suite suite, CellFilter filter) {
        List<Cell> selected = suite.cells().stream().filter(filter::matches).toList();
        return IntStream.range(0, selected.size()).filter(i -> i % count == index - 1).mapToObj(selected::get)
                .filter(filter::picks).toList();
    }

    public boolean all() {
        return count == 1;
    }

    /** {@code 2/3}; empty for {@link #ALL}, as the journal and the summary write it. */
    public String text() {
        return all() ? "" : index + "/" + count;
    }
}
