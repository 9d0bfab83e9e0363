package dev.orchestrate.diagnosis;

import dev.orchestrate.verify.DamagedRange;
import java.util.List;

/** Nothing promised the data before the verify read the media, and the device never wrote it there: the suite never synced. */
final class NeverSynced implements Rule {

    @Override
    public String name() {
        return "never synced";
    }

    @Override
    public Defect defect() {
        return Defect.NEVER_SYNCED;
    }

    @Override
    public Judgement judge(Correlation c) {
        if (c.damaged().isEmpty() || !c.damaged().stream().allMatch(r -> Located.LOST.contains(r.kind()))) {
            return Judgement.not("not every damaged range is missing data (zeros, missing, stale)");
        }
        List<String> files = c.damaged().stream().map(DamagedRange::file).distinct().toList();
        List<String> promised = files.stream().filter(f -> c.history().promise(f).isPresent()).toList();
        if (!promised.isEmpty()) {
            return Judgement.not(promised.size() + " of " + files.size() + " damaged files were promised by a step after their copy ("
                    + c.history().promise(promised.getFirst()).orElseThrow().title() + ")");
        }
        long onMedia = c.located().stream().filter(l -> l.destaged().orElse(false)).count();
        if (onMedia > 0) {
            return Judgement.not(Correlation.ranges(onMedia) + " reached the media");
        }
        long never = c.damaged().size() - c.located().stream().filter(Located::written).count();
        long cached = c.located().stream().filter(Located::cachedOnly).count();
        String copy = c.history().lastCopy(files.getFirst()).map(s -> "'" + s.title() + "' (step " + s.number() + ")").orElse("the copy");
        return Judgement.fired(new Finding(defect(), "no sync, fsync, unmount or eject came between " + copy + " and the verify of "
                + String.join(", ", files) + "; of the " + Correlation.ranges(c.damaged().size()) + " damaged, " + never
                + " never reached the device" + (cached > 0 ? " and " + cached + " reached only its cache" : ""),
                c.damaged().size(), c.damaged().size()));
    }
}
