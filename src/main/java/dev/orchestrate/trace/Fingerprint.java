package dev.orchestrate.trace;

import dev.orchestrate.suite.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The I/O pattern of one cell from its command log: what each step sent to the device, a
 * write-size histogram and the commands over time (writes by device offset, flushes and destages
 * as marks, steps as labelled lines), as a picture and as text, so a reader sees at once how one
 * tool's pattern differs from another's. Commands before the first step (making and mounting the
 * file system) are the rig's, counted apart as setup.
 */
public record Fingerprint(List<Record> records, List<String> problems, String tail) {

    private static final int TAIL_LINES = 40;
    private static final int WIDTH = 900;
    private static final int HEIGHT = 578;
    /** Rows for step titles above the timeline, and the width of a character of them (11 px sans-serif), to keep titles apart. */
    private static final int LABEL_ROWS = 3;
    private static final double LABEL_CHAR_WIDTH = 6.2;

    /** The commands of one step, or of the setup before the first step. */
    public record Phase(String title, List<Record> records) {

        long count(Op op) {
            return records.stream().filter(r -> r.op() == op).count();
        }

        long written() {
            return records.stream().filter(r -> r.op() == Op.WRITE).mapToLong(Record::length).sum();
        }
    }

    public static Fingerprint of(LogFollower log) {
        try {
            TraceReader.Log read = log.read();
            return new Fingerprint(read.records(), read.problems(), tail(log.file()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the command log " + log.file(), e);
        }
    }

    /** The last {@link #TAIL_LINES} lines, read from the end of the file: a line of the log is well under 1 KiB. */
    private static String tail(Path log) throws IOException {
        try (FileChannel in = FileChannel.open(log, StandardOpenOption.READ)) {
            long from = Math.max(0, in.size() - TAIL_LINES * 1024L);
            ByteBuffer bytes = ByteBuffer.allocate((int) (in.size() - from));
            while (bytes.hasRemaining() && in.read(bytes, from + bytes.position()) >= 0) {
                // a positional read may return fewer bytes than asked
            }
            List<String> lines = new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8).lines().toList();
            // a read that starts inside the file starts inside a line
            List<String> whole = from > 0 && !lines.isEmpty() ? lines.subList(1, lines.size()) : lines;
            return String.join("\n", whole.subList(Math.max(0, whole.size() - TAIL_LINES), whole.size())) + "\n";
        }
    }

    /** The setup (before the first STEP mark), then one phase per step. */
    public List<Phase> phases() {
        List<Phase> phases = new ArrayList<>();
        String title = "setup (before the first step)";
        List<Record> current = new ArrayList<>();
        for (Record r : records) {
            if (r.op() == Op.STEP) {
                phases.add(new Phase(title, current));
                title = r.cause();
                current = new ArrayList<>();
            } else {
                current.add(r);
            }
        }
        phases.add(new Phase(title, current));
        return phases;
    }

    /** The cell's own commands: everything after the setup, or the whole log when it has no step marks. */
    public List<Record> cellRecords() {
        List<Phase> phases = phases();
        return phases.size() == 1 ? records : phases.subList(1, phases.size()).stream().flatMap(p -> p.records().stream()).toList();
    }

    /** The cell's write counts by size bucket: the largest power of two not above the write's length. */
    public TreeMap<Long, Long> writeSizes() {
        return cellRecords().stream().filter(r -> r.op() == Op.WRITE).collect(Collectors.groupingBy(
                r -> Long.highestOneBit(Math.max(1, r.length())), TreeMap::new, Collectors.counting()));
    }

    /** The cell's pattern in a few numbers, for comparing runs. */
    public Signature signature() {
        return Signature.of(cellRecords());
    }

    /** Share of the cell's writes that start where the previous write ended. */
    public double sequential() {
        long sequential = 0;
        long writes = 0;
        long end = -1;
        for (Record r : cellRecords()) {
            if (r.op() == Op.WRITE) {
                writes++;
                sequential += r.offset() == end ? 1 : 0;
                end = r.offset() + r.length();
            }
        }
        return writes == 0 ? 0 : (double) sequential / writes;
    }

    public String summary() {
        List<Record> cell = cellRecords();
        long largest = cell.stream().filter(r -> r.op() == Op.WRITE).mapToLong(Record::length).max().orElse(0);
        Phase all = new Phase("cell", cell);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "the cell sent %d writes (%s bytes, largest %s), %d reads, %d fsync, %d flush; "
                        + "destages %d, errors %d%n",
                all.count(Op.WRITE), Size.grouped(all.written()), new Size(largest), all.count(Op.READ), all.count(Op.FSYNC),
                all.count(Op.FLUSH), all.count(Op.DESTAGE), cell.stream().filter(r -> r.result() != 0).count()));
        out.append(String.format(Locale.ROOT, "sequential writes: %.0f%%%n%n", 100 * sequential()));
        out.append(String.format(Locale.ROOT, "%-48s %8s %15s %7s %7s%n", "step", "writes", "bytes", "fsync", "flush"));
        for (Phase p : phases()) {
            out.append(String.format(Locale.ROOT, "%-48s %8d %15s %7d %7d%n", abbreviate(p.title()), p.count(Op.WRITE),
                    Size.grouped(p.written()), p.count(Op.FSYNC), p.count(Op.FLUSH)));
        }
        out.append("\nwrite sizes (the cell's, setup left out):\n");
        writeSizes().forEach((size, n) -> out.append(String.format(Locale.ROOT, "  %8s  %d%n", new Size(size), n)));
        records.stream().filter(r -> r.op() == Op.POWER_CUT).forEach(r -> out.append("power cut at command ").append(r.seq())
                .append(", dropping ").append(Size.grouped(r.length())).append(" bytes never destaged\n"));
        problems.forEach(p -> out.append("unreadable: ").append(p).append('\n'));
        return out.toString();
    }

    /** Two panels: the write-size histogram, and the commands over time by device offset. */
    public String svg() {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                WIDTH, HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        histogram(svg, 20, 20, WIDTH - 40, 200);
        timeline(svg, 20, 250, WIDTH - 40, 308);
        return svg.append("</svg>\n").toString();
    }

    private void histogram(StringBuilder svg, int x, int y, int w, int h) {
        svg.append(text(x, y + 12, "write sizes (count of the cell's WRITE commands by size; setup left out)", "bold"));
        TreeMap<Long, Long> sizes = writeSizes();
        if (sizes.isEmpty()) {
            svg.append(text(x, y + 40, "no writes", ""));
            return;
        }
        long max = sizes.values().stream().mapToLong(Long::longValue).max().orElse(1);
        int bar = Math.min(80, (w - 20) / sizes.size());
        int i = 0;
        for (var e : sizes.entrySet()) {
            int bh = (int) Math.max(1, (h - 60) * e.getValue() / max);
            int bx = x + 10 + i * bar;
            int by = y + h - 30 - bh;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#4a7fb5\"/>%n",
                    bx, by, bar - 6, bh));
            svg.append(text(bx, by - 4, Long.toString(e.getValue()), ""));
            svg.append(text(bx, y + h - 14, new Size(e.getKey()).toString(), ""));
            i++;
        }
    }

    private void timeline(StringBuilder svg, int x, int y, int w, int h) {
        svg.append(text(x, y + 12, "commands over time: writes by device offset (blue), fsync (orange, above), destage (green, below), "
                + "power cut (red), steps (grey)", "bold"));
        List<Record> shown = cellRecords();
        long start = shown.stream().mapToLong(Record::nanos).min().orElse(0);
        long end = Math.max(start + 1, shown.stream().mapToLong(Record::nanos).max().orElse(1));
        long top = shown.stream().filter(r -> r.op() == Op.WRITE).mapToLong(r -> r.offset() + r.length()).max().orElse(1);
        int px = x + 10;
        int py = y + 66;
        int pw = w - 20;
        int ph = h - 60;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>%n",
                px, py, pw, ph));
        double[] labelEnds = new double[LABEL_ROWS];
        PixelMarks writes = new PixelMarks(2);
        PixelMarks flushes = new PixelMarks(1);
        PixelMarks destages = new PixelMarks(2);
        for (Record r : records) {
            if (r.nanos() < start && r.op() != Op.STEP) {
                continue;
            }
            double tx = px + pw * (double) Math.max(0, r.nanos() - start) / (end - start);
            switch (r.op()) {
                case WRITE -> {
                    double wy = py + ph - ph * (double) (r.offset() + r.length()) / top;
                    double wh = Math.max(1, ph * (double) r.length() / top);
                    writes.add(r.result() == 0 ? "#4a7fb5" : "#b00", tx, wy, wh);
                }
                // a tick above the plot, not a line through it: thousands of flushes would hide the writes
                case FSYNC -> flushes.add("#e08a00", tx, py - 9, 8);
                case DESTAGE -> destages.add("#2a9d3a", tx, py + ph - 6, 6);
                case POWER_CUT -> svg.append(line(tx, py, ph, "#d00000"));
                case STEP -> {
                    svg.append(String.format(Locale.ROOT,
                            "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>%n",
                            tx, py - 50, tx, py + ph));
                    label(svg, labelEnds, tx, py, abbreviate(r.cause()));
                }
                default -> {
                }
            }
        }
        svg.append(writes.svg()).append(flushes.svg()).append(destages.svg());
        svg.append(text(px, py + ph + 14, "0 s", ""));
        svg.append(text(px + pw - 60, py + ph + 14, String.format(Locale.ROOT, "%.2f s", (end - start) / 1e9), ""));
        svg.append(text(px + 4, py + 12, Size.grouped(top) + " bytes", ""));
    }

    /** A step's title in the first of the rows above the plot where it prints over no other; where none is free, the least crowded. */
    private static void label(StringBuilder svg, double[] ends, double x, int plotTop, String title) {
        int row = 0;
        for (int i = 0; i < ends.length; i++) {
            if (ends[i] <= x) {
                row = i;
                break;
            }
            row = ends[i] < ends[row] ? i : row;
        }
        ends[row] = x + 2 + title.length() * LABEL_CHAR_WIDTH;
        svg.append(text(x + 2, plotTop - 38 + 12 * row, title, ""));
    }

    private static String abbreviate(String title) {
        return title.length() <= 48 ? title : title.substring(0, 45) + "...";
    }

    private static String line(double x, int y, int h, String colour) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"1\"/>%n",
                x, y, x, y + h, colour);
    }

    private static String text(double x, double y, String s, String weight) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\"%s font-size=\"%s\">%s</text>%n", x, y,
                weight.isEmpty() ? "" : " font-weight=\"" + weight + "\"", weight.isEmpty() ? "11" : "12",
                s.replace("&", "&amp;").replace("<", "&lt;"));
    }
}
