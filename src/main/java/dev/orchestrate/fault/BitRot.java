package dev.orchestrate.fault;

import java.util.List;
import java.util.Random;
import java.util.function.LongConsumer;

/** When the controller stops, one bit flips in each of {@code sectors} sectors written this session. Imitates decay at rest. */
record BitRot(int sectors) implements Fault {

    @Override
    public String describe() {
        return "bit-rot: one bit flips in " + sectors + " written sectors when the controller stops";
    }

    @Override
    public void atRest(List<Long> written, Random random, LongConsumer flip) {
        List<Long> candidates = new java.util.ArrayList<>(written);
        java.util.Collections.shuffle(candidates, random);
        candidates.stream().limit(sectors).forEach(flip::accept);
    }
}
