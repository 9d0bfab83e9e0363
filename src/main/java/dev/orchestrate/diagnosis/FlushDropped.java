package dev.orchestrate.diagnosis;

import dev.orchestrate.suite.Size;
import dev.orchestrate.trace.Op;

/** The data reached the device and flushes were acknowledged after it, yet it was lost: the device dropped the flushes. */
final class FlushDropped implements Rule {

    @Override
    public String name() {
        return "flush dropped";
    }

    @Override
    public Defect defect() {
        return Defect.FLUSH_DROPPED;
    }

    @Override
    public Judgement judge(Correlation c) {
        if (!c.allLocated() || !c.located().stream().allMatch(l -> l.lost() && l.cachedOnly())) {
            return Judgement.not("not every damaged range is missing data that was written to the device"
                    + (c.commands().knowsCache() ? " and never destaged" : ""));
        }
        long flushes = c.located().stream().mapToLong(Located::flushes).min().orElse(0);
        if (flushes == 0) {
            return Judgement.not("no flush was acknowledged after the last write of every damaged range");
        }
        int n = c.located().size();
        long lastWrite = c.located().stream().mapToLong(l -> l.writer().orElseThrow().seq()).max().orElseThrow();
        String stop = c.located().getFirst().stop().map(s -> s.op() == Op.POWER_CUT ? ", before the power cut" : ", before the shutdown")
                .orElse("");
        return Judgement.fired(new Finding(defect(), Correlation.allWere(n) + " written to the device (the last by WRITE "
                + Size.grouped(lastWrite) + "), at least " + flushes + (flushes == 1 ? " flush was" : " flushes were")
                + " acknowledged after "
                + "it" + stop + (c.commands().knowsCache() ? ", and none of it was destaged to the media" : ", and it is gone"), n, n));
    }
}
