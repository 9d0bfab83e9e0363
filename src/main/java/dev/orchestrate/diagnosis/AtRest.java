package dev.orchestrate.diagnosis;

import dev.orchestrate.data.SectorClass;

/**
 * Sectors that were written intact and kept by the device (destaged to the media, or covered by an
 * acknowledged flush) and changed later with no command writing them: damage at rest (bit rot), or
 * something writing the media behind the device's back.
 */
final class AtRest implements Rule {

    @Override
    public String name() {
        return "at rest";
    }

    @Override
    public Defect defect() {
        return Defect.AT_REST;
    }

    @Override
    public Judgement judge(Correlation c) {
        if (!c.allLocated() || !c.located().stream().allMatch(l -> l.range().kind() == SectorClass.DAMAGED)) {
            return Judgement.not("not every damaged range is recognisably its own sector with bytes changed");
        }
        if (!c.located().stream().allMatch(Located::written)) {
            return Judgement.not("some damaged ranges were never written by a command");
        }
        boolean byCache = c.commands().knowsCache();
        long kept = c.located().stream().filter(l -> byCache ? l.destaged().orElse(false) : l.flushes() > 0).count();
        if (kept < c.located().size()) {
            return Judgement.not(kept + " of " + c.located().size() + " damaged ranges were " + (byCache ? "destaged" : "flushed")
                    + " after their last write");
        }
        int n = c.located().size();
        return Judgement.fired(new Finding(defect(), Correlation.every(n) + " hold their own sectors with bytes changed; each was "
                + (byCache ? "destaged to the media" : "covered by an acknowledged flush") + " after its last WRITE, and no command wrote "
                + "it since: the bytes changed at rest", n, n));
    }
}
