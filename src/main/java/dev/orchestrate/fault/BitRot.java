package dev.orchestrate.fault;

import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Section;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.LongConsumer;

/** When the controller stops, one bit flips in each of {@code sectors} sectors written this session. Imitates decay at rest. */
record BitRot(int sectors) implements Fault {

    static final FaultKind KIND = FaultKind.of("bit-rot", new Section.Variant("bits flip in written sectors at rest,"
            + " when the controller stops (eject, reboot, power cut)",
            List.of(Key.optional("sectors", Key.Type.COUNT, "4", "how many sectors get one flipped bit"))),
            o -> new BitRot((int) o.count("sectors")));

    @Override
    public String describe() {
        return "bit-rot: one bit flips in " + sectors + " written sectors when the controller stops";
    }

    @Override
    public void atRest(List<Long> written, Random random, LongConsumer flip) {
        List<Long> candidates = new ArrayList<>(written);
        Collections.shuffle(candidates, random);
        candidates.stream().limit(sectors).forEach(flip::accept);
    }
}
