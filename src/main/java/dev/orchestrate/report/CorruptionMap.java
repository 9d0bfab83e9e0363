package dev.orchestrate.report;

import dev.orchestrate.data.SectorClass;
import dev.orchestrate.dut.Extent;
import dev.orchestrate.dut.ReadBack;
import dev.orchestrate.dut.Region;
import dev.orchestrate.suite.Size;
import dev.orchestrate.verify.DamagedRange;
import dev.orchestrate.verify.Expected;
import dev.orchestrate.verify.Verdict;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the damage lies, as a picture: each file along its byte offsets, and where the device
 * address is known, the region of the device the file occupies along its LBAs, damage coloured
 * by class on an intact background; then, when it was scanned, the whole region along its LBAs:
 * the files' own places, their damage, and the run's sectors found outside them.
 */
public final class CorruptionMap {

    private static final int WIDTH = 900;
    private static final int BAR = 22;
    private static final int ROW = 64;
    private static final Map<SectorClass, String> COLOURS = colours();

    private CorruptionMap() {
    }

    private static Map<SectorClass, String> colours() {
        Map<SectorClass, String> c = new EnumMap<>(SectorClass.class);
        c.put(SectorClass.INTACT, "#b7e1b0");
        c.put(SectorClass.ZEROS, "#d62728");
        c.put(SectorClass.MISSING, "#7f7f7f");
        c.put(SectorClass.FOREIGN, "#9467bd");
        c.put(SectorClass.DAMAGED, "#ff7f0e");
        c.put(SectorClass.STALE, "#8c564b");
        c.put(SectorClass.MISPLACED, "#e377c2");
        c.put(SectorClass.DUPLICATED, "#1f77b4");
        c.put(SectorClass.EXTRA, "#17becf");
        return c;
    }

    public static String svg(Verdict verdict, List<Expected> files) {
        StringBuilder rows = new StringBuilder();
        int y = 40;
        for (Expected e : files) {
            List<DamagedRange> ranges = verdict.ranges().stream().filter(r -> r.file().equals(e.name())).toList();
            long size = Math.max(e.file().size(), ranges.stream().mapToLong(DamagedRange::end).max().orElse(0));
            rows.append(text(20, y, e.name() + " along its offsets (0 .. " + Size.grouped(size) + " bytes): "
                    + (ranges.isEmpty() ? "intact" : ranges.size() + " damaged ranges")));
            bar(rows, y + 6, 0, size, ranges.stream().map(r -> new long[] {r.start(), r.end(), r.kind().ordinal()}).toList());
            y += ROW;
            long[] span = deviceSpan(e.readBack(), e.file().size());
            if (span != null) {
                int block = e.readBack().blockSize();
                rows.append(text(20, y, e.name() + " on the device, LBA " + Size.grouped(span[0] / block) + " .. "
                        + Size.grouped((span[1] - 1) / block)));
                List<long[]> marks = new ArrayList<>();
                // the device between the file's extents is not the file's: leave it blank
                marks.add(new long[] {span[0], span[1], -1});
                marks.addAll(places(e, span));
                ranges.stream().filter(r -> r.lba() >= 0)
                        .forEach(r -> marks.add(new long[] {r.lba() * block, r.lba() * block + r.length(), r.kind().ordinal()}));
                bar(rows, y + 6, span[0], span[1], marks);
                y += ROW;
            }
        }
        y = region(rows, y, verdict, files);
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                WIDTH, y + 40));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(text(20, 18, "corruption map: " + verdict.headline().split(";")[0]));
        svg.append(rows);
        int x = 20;
        for (var c : COLOURS.entrySet()) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>%n",
                    x, y, c.getValue()));
            svg.append(text(x + 16, y + 11, c.getKey().label()));
            x += 100;
        }
        return svg.append("</svg>\n").toString();
    }

    /** The scanned region along its LBAs: blank, the files' own places intact, their damage and the strays coloured by class. */
    private static int region(StringBuilder rows, int y, Verdict verdict, List<Expected> files) {
        Region region = verdict.strays().region();
        if (!region.scanned()) {
            return y;
        }
        int block = region.blockSize();
        rows.append(text(20, y, "the region, LBA " + Size.grouped(region.start() / block) + " .. "
                + Size.grouped((region.end() - 1) / block) + ": "
                + Size.grouped(verdict.strays().sectors()) + (verdict.strays().sectors() == 1 ? " sector" : " sectors")
                + " of this run outside the files"));
        List<long[]> marks = new ArrayList<>();
        marks.add(new long[] {region.start(), region.end(), -1});
        for (Expected e : files) {
            long[] span = deviceSpan(e.readBack(), e.file().size());
            if (span != null) {
                marks.addAll(places(e, span));
            }
        }
        verdict.ranges().stream().filter(r -> r.lba() >= 0)
                .forEach(r -> marks.add(new long[] {r.lba() * block, r.lba() * block + r.length(), r.kind().ordinal()}));
        verdict.strays().ranges().forEach(r -> marks.add(new long[] {r.start(), r.end(), r.kind().ordinal()}));
        bar(rows, y + 6, region.start(), region.end(), marks);
        return y + ROW;
    }

    /** The file's own places on the device, as intact marks: its extents, or its span when it lies in one piece. */
    private static List<long[]> places(Expected e, long[] span) {
        if (e.readBack().extentMap().isEmpty()) {
            return List.<long[]>of(new long[] {span[0], span[1], SectorClass.INTACT.ordinal()});
        }
        return e.readBack().extentMap().stream()
                .map(x -> new long[] {x.physical(), x.physical() + x.length(), SectorClass.INTACT.ordinal()}).toList();
    }

    /** The device bytes a file occupies, or null when its device address is unknown or it has no place (an absent file). */
    private static long[] deviceSpan(ReadBack readBack, long size) {
        return switch (readBack) {
            case ReadBack.Contiguous c -> new long[] {c.base(), c.base() + size};
            case ReadBack.Mapped m when !m.extents().isEmpty() -> new long[] {
                    m.extents().stream().mapToLong(Extent::physical).min().orElseThrow(),
                    m.extents().stream().mapToLong(x -> x.physical() + x.length()).max().orElseThrow()};
            case ReadBack.Mapped _, ReadBack.File _, ReadBack.Absent _ -> null;
        };
    }

    /** A bar from {@code from} to {@code to}: intact background, then each mark {start, end, class ordinal or -1 for blank}. */
    private static void bar(StringBuilder out, int y, long from, long to, List<long[]> marks) {
        int x0 = 20;
        int w = WIDTH - 40;
        double scale = w / (double) Math.max(1, to - from);
        out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"#555\"/>%n",
                x0, y, w, BAR, COLOURS.get(SectorClass.INTACT)));
        for (long[] m : marks) {
            if (m[1] <= from || m[0] >= to) {
                continue;
            }
            double x = x0 + (Math.max(m[0], from) - from) * scale;
            double width = Math.max(1, (Math.min(m[1], to) - Math.max(m[0], from)) * scale);
            String fill = m[2] < 0 ? "white" : COLOURS.get(SectorClass.values()[(int) m[2]]);
            out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n",
                    x, y, width, BAR, fill));
        }
    }

    private static String text(double x, double y, String s) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>%n", x, y, s.replace("&", "&amp;").replace("<", "&lt;"));
    }
}
