package dev.orchestrate.diagnosis;

import dev.orchestrate.verify.DamagedRange;
import java.util.List;

/** The host promised the data, but no write command ever carried it to the device. */
final class LostBeforeDevice implements Rule {

    @Override
    public String name() {
        return "lost before the device";
    }

    @Override
    public Defect defect() {
        return Defect.LOST_BEFORE_DEVICE;
    }

    @Override
    public Judgement judge(Correlation c) {
        if (!c.allLocated() || !c.located().stream().allMatch(Located::lost)) {
            return Judgement.not("not every damaged range is missing data with a device address");
        }
        long written = c.located().stream().filter(Located::written).count();
        if (written > 0) {
            return Judgement.not(written + " of " + c.located().size() + " damaged ranges were covered by a WRITE");
        }
        List<String> files = c.damaged().stream().map(DamagedRange::file).distinct().toList();
        List<String> unpromised = files.stream().filter(f -> c.history().promise(f).isEmpty()).toList();
        if (!unpromised.isEmpty()) {
            return Judgement.not(unpromised.size() + " of " + files.size() + " damaged files were never promised by a step");
        }
        HostHistory.Step promise = c.history().promise(files.getFirst()).orElseThrow();
        return Judgement.fired(new Finding(defect(), "'" + promise.title() + "' (step " + promise.number() + ") promised "
                + String.join(", ", files) + ", yet no WRITE ever covered any of the " + Correlation.ranges(c.located().size())
                + " damaged", c.located().size(), c.located().size()));
    }
}
