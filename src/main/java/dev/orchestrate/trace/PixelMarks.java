package dev.orchestrate.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Vertical marks of a picture, snapped to whole pixels and merged where they touch in the same
 * column and colour: a log of a hundred thousand commands draws as a few thousand shapes, and looks
 * the same.
 *
 * @param width the width of every mark, in pixels
 */
record PixelMarks(int width, Map<String, TreeMap<Integer, List<int[]>>> spans) {

    PixelMarks(int width) {
        this(width, new LinkedHashMap<>());
    }

    /** A mark at column {@code x} from {@code y} down for {@code height} pixels (at least one). */
    void add(String colour, double x, double y, double height) {
        int top = (int) Math.floor(y);
        int bottom = Math.max(top + 1, (int) Math.ceil(y + height));
        spans.computeIfAbsent(colour, c -> new TreeMap<>()).computeIfAbsent((int) Math.round(x), c -> new ArrayList<>())
                .add(new int[] {top, bottom});
    }

    /** One rectangle per run of touching marks. */
    String svg() {
        StringBuilder out = new StringBuilder();
        spans.forEach((colour, columns) -> columns.forEach((x, marks) -> {
            marks.sort(Comparator.comparingInt(m -> m[0]));
            int top = marks.getFirst()[0];
            int bottom = marks.getFirst()[1];
            for (int[] m : marks.subList(1, marks.size())) {
                if (m[0] > bottom) {
                    out.append(rect(x, top, bottom, colour));
                    top = m[0];
                }
                bottom = Math.max(bottom, m[1]);
            }
            out.append(rect(x, top, bottom, colour));
        }));
        return out.toString();
    }

    private String rect(int x, int top, int bottom, String colour) {
        return String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n",
                x, top, width, bottom - top, colour);
    }
}
