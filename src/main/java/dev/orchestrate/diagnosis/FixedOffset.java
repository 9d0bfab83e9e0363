package dev.orchestrate.diagnosis;

import dev.orchestrate.suite.Size;
import dev.orchestrate.trace.Record;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Every damaged range starts at the same offset K inside the WRITE that covered it. A torn write
 * keeps its first K bytes whatever its length; a transfer-length fault damages from K only in
 * commands over a length. So writes longer than K over the verified files that kept their bytes
 * past K show a length limit; damaged writes of several lengths with no intact write longer than K
 * show a tear; otherwise the evidence cannot tell them apart, and says so. Whichever it names, when
 * the damage lies only in WRITEs longer than the longest intact one, a published maximum transfer no
 * longer than that one keeps every command whole: the finding names that fix, beside the maximum
 * the target publishes when it is known, which is no evidence of which defect it is.
 */
final class FixedOffset implements Rule {

    @Override
    public String name() {
        return "fixed offset inside commands";
    }

    @Override
    public Defect defect() {
        return Defect.TRANSFER_LENGTH;
    }

    @Override
    public Judgement judge(Correlation c) {
        if (!c.allLocated() || !c.located().stream().allMatch(Located::written)) {
            return Judgement.not("not every damaged range was written by a command, so no common offset inside commands");
        }
        long tails = c.located().stream().filter(l -> lostTail(c, l)).count();
        if (tails < c.located().size()) {
            return Judgement.not((c.located().size() - tails) + " of " + c.located().size() + " damaged ranges are not missing data that "
                    + "runs to the end of the command that wrote it");
        }
        List<Long> inside = c.located().stream().map(Located::inside).distinct().toList();
        if (inside.size() != 1 || inside.getFirst() == 0) {
            return Judgement.not("the damaged ranges start at " + inside.size() + " different offsets inside their commands"
                    + (inside.equals(List.of(0L)) ? " (all at the start of a command)" : ""));
        }
        long k = inside.getFirst();
        List<Record> damaged = c.located().stream().map(l -> l.writer().orElseThrow()).distinct().toList();
        long shortest = damaged.stream().mapToLong(Record::length).min().orElseThrow();
        long longest = damaged.stream().mapToLong(Record::length).max().orElseThrow();
        long lengths = damaged.stream().mapToLong(Record::length).distinct().count();
        // past the listed ranges, nothing is known to be intact
        long intactLonger = !c.facts().complete() ? 0 : c.commands().writes().stream().filter(w -> w.length() > k && w.length() < shortest
                && intactAt(c, w, w.offset() + k)).count();
        long shorter = c.commands().writesShorterThan(shortest);
        int n = c.located().size();
        String start = String.format(Locale.ROOT, "%s start%s %s bytes into %s", Correlation.every(n), n == 1 ? "s" : "", Size.grouped(k),
                n == 1 ? "its WRITE" : "their WRITEs");
        String fix = fix(c, k, shortest, longest);
        if (intactLonger > 0) {
            return Judgement.fired(new Finding(Defect.TRANSFER_LENGTH, String.format(Locale.ROOT, "%s, all of %s bytes or more; %d %s "
                            + "over the files between %s and %s bytes long kept %s bytes past %s: the damage follows the command's "
                            + "length"
                            + "; none of the %d shorter WRITEs is damaged", start, Size.grouped(shortest), intactLonger,
                    intactLonger == 1 ? "WRITE" : "WRITEs", Size.grouped(k), Size.grouped(shortest), intactLonger == 1 ? "its" : "their",
                    Size.grouped(k), shorter) + fix, n, n));
        }
        if (lengths > 1) {
            return Judgement.fired(new Finding(Defect.TORN_WRITE, String.format(Locale.ROOT, "%s, which were of %d different lengths "
                            + "(%s to %s bytes): each kept its first %s bytes whatever its length, and no WRITE over the files longer "
                            + "than that is intact", start, lengths, Size.grouped(shortest), Size.grouped(longest), Size.grouped(k)) + fix,
                    n, n));
        }
        return Judgement.fired(new Finding(Defect.TORN_OR_TRANSFER_LENGTH, String.format(Locale.ROOT, "%s of %s bytes; no WRITE over the "
                        + "files was between %s and %s bytes long, nor were the damaged ones of different lengths, so a tear after %s "
                        + "bytes "
                        + "and a limit on the command's length leave the same evidence; none of the %d shorter WRITEs is damaged",
                start, Size.grouped(shortest), Size.grouped(k), Size.grouped(shortest), Size.grouped(k), shorter) + fix, n, n));
    }

    /**
     * When every damaged WRITE (of {@code shortest} to {@code longest} bytes, damaged from {@code k})
     * is longer than the longest intact WRITE over the files, a maximum transfer of that length keeps
     * every command whole: where the damage starts, the maximum the target publishes if it is known,
     * and that fix (none when the host sent longer commands than the target publishes); "" when the
     * evidence shows no such length.
     */
    private static String fix(Correlation c, long k, long shortest, long longest) {
        OptionalLong intact = longestIntact(c);
        if (intact.isEmpty() || intact.getAsLong() >= shortest) {
            return "";
        }
        Size safe = new Size(intact.getAsLong());
        String where = "; the damage lies only in WRITEs longer than " + safe + ", the longest intact one, from " + new Size(k)
                + " inside each command";
        String remedy = "; the fix: publish a maximum transfer of " + safe + " or less";
        OptionalLong published = c.facts().maxTransfer();
        if (published.isEmpty()) {
            return where + remedy;
        }
        Size max = new Size(published.getAsLong());
        return published.getAsLong() >= longest
                ? where + "; the target publishes a maximum transfer of " + max + ", which lets these commands through" + remedy
                // a host that sends longer commands than the target publishes is not helped by a lower limit
                : where + "; the target publishes a maximum transfer of " + max + ", yet received WRITEs of up to " + new Size(longest)
                        + ": the host does not keep to it";
    }

    /**
     * The longest WRITE over the files that is intact to its last byte; none past the listed ranges,
     * where nothing is known. The latest of a length is asked first: it is the likeliest still to be
     * the last write of its bytes.
     */
    private static OptionalLong longestIntact(Correlation c) {
        if (!c.facts().complete()) {
            return OptionalLong.empty();
        }
        return c.commands().writes().stream().sorted(Comparator.comparingLong(Record::length).thenComparingLong(Record::seq).reversed())
                .filter(w -> intactAt(c, w, w.offset() + w.length() - 1)).mapToLong(Record::length).findFirst();
    }

    /**
     * A tear and a length limit both lose the rest of the command: missing data up to the command's
     * end, or up to where a later command wrote over it (a partial page written again by the next write).
     */
    private static boolean lostTail(Correlation c, Located l) {
        Record write = l.writer().orElseThrow();
        long end = l.device() + l.range().length();
        return l.lost() && (end >= write.offset() + write.length() || c.commands().lastWrite(end).filter(write::equals).isEmpty());
    }

    /** Whether device byte {@code at}, last written by {@code write}, lies in a verified file and no damaged range. */
    private static boolean intactAt(Correlation c, Record write, long at) {
        boolean verified = c.facts().files().stream().flatMap(f -> f.onDevice().stream())
                .anyMatch(e -> e.physical() <= at && at < e.physical() + e.length());
        boolean damaged = c.located().stream().anyMatch(l -> l.device() <= at && at < l.device() + l.range().length());
        return verified && !damaged && c.commands().lastWrite(at).filter(write::equals).isPresent();
    }
}
