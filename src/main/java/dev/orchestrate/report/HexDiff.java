package dev.orchestrate.report;

import java.util.Locale;

/**
 * Expected-versus-found hex of one sector, 16 bytes a row, rows that differ marked, and identical
 * runs of rows folded, so the eye goes straight to the damage.
 */
public final class HexDiff {

    private static final int ROW = 16;
    /** A zeroed or foreign 4 KiB sector differs on every row; after this many, the rest is only counted. */
    static final int MAX_DIFFERING_ROWS = 16;

    private HexDiff() {
    }

    public static String render(String title, long baseOffset, byte[] expected, byte[] found) {
        StringBuilder out = new StringBuilder(title).append('\n');
        out.append("rows marked '!' differ; in them, differing bytes are in [brackets] on the found line\n\n");
        int length = Math.max(expected.length, found.length);
        int folded = 0;
        int shown = 0;
        int hidden = 0;
        for (int row = 0; row < length; row += ROW) {
            boolean differs = rowDiffers(expected, found, row);
            if (!differs) {
                folded++;
                continue;
            }
            if (shown == MAX_DIFFERING_ROWS) {
                hidden++;
                continue;
            }
            shown++;
            if (folded > 0) {
                out.append(String.format(Locale.ROOT, "      ... %d identical rows ...%n", folded));
                folded = 0;
            }
            out.append(String.format(Locale.ROOT, "! %08x expected %s%n", baseOffset + row, hex(expected, found, row, false)));
            out.append(String.format(Locale.ROOT, "           found    %s%n", hex(found, expected, row, true)));
        }
        if (folded > 0 && hidden == 0) {
            out.append(String.format(Locale.ROOT, "      ... %d identical rows ...%n", folded));
        }
        if (hidden > 0) {
            out.append(String.format(Locale.ROOT, "      ... %d more differing rows not shown ...%n", hidden));
        }
        if (found.length < expected.length) {
            out.append("(nothing found past byte ").append(found.length).append(" of the sector)\n");
        }
        return out.toString();
    }

    private static boolean rowDiffers(byte[] a, byte[] b, int row) {
        for (int i = row; i < row + ROW; i++) {
            if (i < a.length != i < b.length || i < a.length && a[i] != b[i]) {
                return true;
            }
        }
        return false;
    }

    private static String hex(byte[] bytes, byte[] other, int row, boolean mark) {
        StringBuilder line = new StringBuilder();
        for (int i = row; i < row + ROW; i++) {
            if (i >= bytes.length) {
                line.append(" -- ");
                continue;
            }
            boolean differs = i >= other.length || bytes[i] != other[i];
            String b = String.format(Locale.ROOT, "%02x", bytes[i] & 0xff);
            line.append(mark && differs ? "[" + b + "]" : " " + b + " ");
        }
        return line.toString();
    }
}
