package dev.orchestrate.diagnosis;

import dev.orchestrate.data.SectorClass;
import dev.orchestrate.suite.Size;
import dev.orchestrate.verify.DamagedRange;
import dev.orchestrate.verify.Stray;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The run's own sectors turn up a fixed distance from where they belong, where their own place does
 * not hold them: misplaced inside the files, or outside them, where the writes landed.
 */
final class Misdirected implements Rule {

    @Override
    public String name() {
        return "misdirected";
    }

    @Override
    public Defect defect() {
        return Defect.MISDIRECTED;
    }

    @Override
    public Judgement judge(Correlation c) {
        List<DamagedRange> misplaced = c.damaged().stream().filter(r -> r.kind() == SectorClass.MISPLACED && r.stamp() != null).toList();
        List<Stray> astray = c.facts().strays().stream().filter(s -> s.kind() == SectorClass.MISPLACED && s.origin() >= 0).toList();
        List<Long> shifts = Stream.concat(misplaced.stream().map(r -> r.start() - r.stamp().offset()),
                astray.stream().map(Stray::displacement)).distinct().toList();
        String counted = evidence(misplaced.size(), astray.size()) + " misplaced, " + shifts.size() + " distinct displacements";
        if (misplaced.size() + astray.size() == 0 || shifts.size() != 1) {
            return Judgement.not(counted);
        }
        long shift = shifts.getFirst();
        int blockSize = astray.isEmpty() ? c.facts().blockSize(misplaced.getFirst()) : astray.getFirst().blockSize();
        String landed = astray.isEmpty() ? "" : "; outside the files they landed at " + astray.stream().limit(3)
                .map(s -> "LBA " + Size.grouped(s.start() / blockSize) + ".." + Size.grouped((s.end() - 1) / blockSize))
                .collect(Collectors.joining(", ")) + (astray.size() > 3 ? ", ..." : "");
        return Judgement.fired(new Finding(defect(), String.format(Locale.ROOT, "%s hold sectors found intact %s bytes (%s LBAs) %s their "
                        + "own place, which does not hold them; the writes landed that far away%s",
                evidence(misplaced.size(), astray.size()),
                Size.grouped(Math.abs(shift)), Size.grouped(Math.abs(shift) / blockSize), shift > 0 ? "after" : "before", landed),
                misplaced.size(), c.damaged().size()));
    }

    /** "3 ranges in the files and 1 outside them". */
    static String evidence(long inFiles, long outside) {
        return Correlation.ranges(inFiles) + " in the files" + (outside > 0 ? " and " + outside + " outside them" : "");
    }
}
