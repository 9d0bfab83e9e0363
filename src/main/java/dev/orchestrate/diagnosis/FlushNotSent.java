package dev.orchestrate.diagnosis;

import dev.orchestrate.trace.Op;
import dev.orchestrate.verify.DamagedRange;
import java.util.List;

/**
 * The host promised the data and the data reached the device, but no flush followed it before the
 * power cut: the file system or the driver never passed the promise on (a volume mounted without
 * barriers, a driver that completes SYNCHRONIZE CACHE itself).
 */
final class FlushNotSent implements Rule {

    @Override
    public String name() {
        return "no flush sent";
    }

    @Override
    public Defect defect() {
        return Defect.FLUSH_NOT_SENT;
    }

    @Override
    public Judgement judge(Correlation c) {
        if (!c.allLocated() || !c.located().stream().allMatch(l -> l.lost() && l.written() && l.flushes() == 0)) {
            return Judgement.not("not every damaged range is missing data written to the device with no flush after it");
        }
        if (c.located().stream().anyMatch(l -> l.stop().filter(s -> s.op() == Op.SHUTDOWN).isPresent())) {
            return Judgement.not("a clean shutdown came after the writes: that is the device's to write out");
        }
        List<String> files = c.damaged().stream().map(DamagedRange::file).distinct().toList();
        List<String> unpromised = files.stream().filter(f -> !c.history().promisedBeforeCut(f)).toList();
        if (!unpromised.isEmpty()) {
            return Judgement.not(unpromised.size() + " of " + files.size() + " damaged files were not promised before the power cut");
        }
        HostHistory.Step promise = c.history().promise(files.getFirst()).orElseThrow();
        int n = c.located().size();
        return Judgement.fired(new Finding(defect(), "'" + promise.title() + "' (step " + promise.number() + ") promised "
                + String.join(", ", files) + " and " + Correlation.allWere(n) + " written to the device, but no flush was sent after "
                + "it before the power cut", n, n));
    }
}
