package dev.orchestrate.diagnosis;

import dev.orchestrate.suite.Size;
import dev.orchestrate.trace.Op;

/**
 * The data reached the device's cache, was never destaged, and the device's clean release or
 * shutdown did not write it out: a driver that does not finalise its cache before it terminates,
 * which is another bug than acknowledging flushes it drops.
 */
final class NoDestageAtRelease implements Rule {

    @Override
    public String name() {
        return "not destaged at release";
    }

    @Override
    public Defect defect() {
        return Defect.NO_DESTAGE_AT_RELEASE;
    }

    @Override
    public Judgement judge(Correlation c) {
        if (!c.commands().knowsCache()) {
            return Judgement.not("the command log does not show the device's cache, so a missed destage cannot be seen");
        }
        if (!c.allLocated() || !c.located().stream().allMatch(l -> l.lost() && l.cachedOnly())) {
            return Judgement.not("not every damaged range is missing data written to the device's cache and never destaged");
        }
        if (!c.located().stream().allMatch(l -> l.stop().filter(s -> s.op() == Op.SHUTDOWN).isPresent())) {
            return Judgement.not("not every damaged range was in the cache at a clean shutdown (a power cut came first, or none came)");
        }
        int n = c.located().size();
        long flushes = c.located().stream().mapToLong(Located::flushes).max().orElse(0);
        return Judgement.fired(new Finding(defect(), Correlation.allWere(n) + " written to the device's cache and never destaged; "
                + (flushes == 0 ? "no flush was sent after it" : flushes + " flushes were sent after it") + ", and the release and "
                + "shutdown (command " + Size.grouped(c.located().getFirst().stop().orElseThrow().seq())
                + ") did not write the cache to the "
                + "media", n, n));
    }
}
