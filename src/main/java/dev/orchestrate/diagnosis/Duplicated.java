package dev.orchestrate.diagnosis;

import dev.orchestrate.data.SectorClass;

/**
 * Sectors in a file's place that are also intact at their own place: the data was written twice.
 * Copies outside the files alone explain nothing: freed blocks keep old copies.
 */
final class Duplicated implements Rule {

    @Override
    public String name() {
        return "duplicated";
    }

    @Override
    public Defect defect() {
        return Defect.DUPLICATED;
    }

    @Override
    public Judgement judge(Correlation c) {
        long inFiles = c.damaged().stream().filter(r -> r.kind() == SectorClass.DUPLICATED).count();
        long outside = c.facts().strays().stream().filter(s -> s.kind() == SectorClass.DUPLICATED).count();
        String counted = Misdirected.evidence(inFiles, outside) + " hold copies of sectors intact at their own place";
        if (inFiles == 0) {
            return Judgement.not(counted + (outside > 0 ? " (copies outside the files alone may be blocks a file system freed)" : ""));
        }
        return Judgement.fired(new Finding(defect(), counted + "; the data was written twice, once over other data", inFiles,
                c.damaged().size()));
    }
}
