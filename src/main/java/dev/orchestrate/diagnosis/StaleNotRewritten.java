package dev.orchestrate.diagnosis;

import dev.orchestrate.data.SectorClass;
import dev.orchestrate.suite.Size;
import dev.orchestrate.trace.Record;
import java.util.Optional;

/**
 * A file left at an older generation because the step that should have rewritten it sent no writes
 * there (a copy tool that skipped the file as up to date): which step last wrote the range, which
 * generation it holds, and how many writes the rewriting step sent there.
 */
final class StaleNotRewritten implements Rule {

    @Override
    public String name() {
        return "stale, not rewritten";
    }

    @Override
    public Defect defect() {
        return Defect.STALE_NOT_REWRITTEN;
    }

    /** The copy whose data the last write carried: the last copy step marked before it (its write-back may come in a later step). */
    private static String copiedBy(Correlation c, Record write, HostHistory.Step rewrite) {
        return c.history().steps().stream().filter(s -> s.kind() == HostHistory.Kind.COPY && s != rewrite)
                .filter(s -> c.commands().markBefore(s.title(), write.seq()).isPresent()).reduce((a, b) -> b)
                .map(s -> "'" + s.title() + "' (step " + s.number() + ")").orElse("a command");
    }

    @Override
    public Judgement judge(Correlation c) {
        if (!c.allLocated() || !c.located().stream().allMatch(l -> l.range().kind() == SectorClass.STALE && l.range().stamp() != null)) {
            return Judgement.not("not every damaged range is stale data of this run with a device address");
        }
        Located first = c.located().getFirst();
        String file = first.range().file();
        Optional<HostHistory.Step> rewrite = c.history().lastCopy(file);
        if (rewrite.isEmpty()) {
            return Judgement.not("no step of the cell copied " + file);
        }
        Optional<Record> mark = c.commands().lastMark(rewrite.get().title());
        if (mark.isEmpty()) {
            return Judgement.not("the command log does not mark the step '" + rewrite.get().title() + "'");
        }
        long end = c.commands().endOf(mark.get());
        long sent = c.located().stream().mapToLong(l -> c.commands().writesInto(mark.get().seq(), end, l.device(),
                l.device() + l.range().length())).sum();
        if (sent > 0) {
            return Judgement.not("'" + rewrite.get().title() + "' sent " + sent + " writes into the stale ranges");
        }
        int found = first.range().stamp().generation();
        int expected = c.facts().file(file).map(Facts.FileFacts::generation).orElse(found + 1);
        if (found >= expected) {
            return Judgement.not("the stale ranges hold generation " + found + ", not older than the file's " + expected);
        }
        String lastWrite = first.writer().map(w -> "last written by " + copiedBy(c, w, rewrite.get()) + ": WRITE " + Size.grouped(w.seq())
                + c.commands().stepOf(w.seq()).map(s -> ", sent during '" + s.cause() + "'").orElse(""))
                .orElse("written by no command in the log");
        return Judgement.fired(new Finding(defect(), String.format("%s of %s hold generation %d, %s; the rewrite to generation %d, "
                        + "'%s' (step %d), sent 0 writes there", Correlation.ranges(c.located().size()), file, found, lastWrite, expected,
                rewrite.get().title(), rewrite.get().number()), c.located().size(), c.located().size()));
    }
}
