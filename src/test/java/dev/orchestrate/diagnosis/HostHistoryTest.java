package dev.orchestrate.diagnosis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the host promised, from the cell's steps. */
class HostHistoryTest {

    private static HostHistory.Step step(int n, HostHistory.Kind kind, String... files) {
        return new HostHistory.Step(n, kind, "step " + n, Set.of(files));
    }

    @Test
    void anFsyncPromisesOnlyItsFileBeforeThePowerCut() {
        HostHistory h = new HostHistory(List.of(step(1, HostHistory.Kind.COPY, "a", "b"), step(2, HostHistory.Kind.PROMISE, "a"),
                step(3, HostHistory.Kind.POWER_CUT)));
        assertTrue(h.promised("a"));
        assertFalse(h.promised("b"));
    }

    @Test
    void withoutAPowerCutEveryFileMustBeThere() {
        HostHistory h = new HostHistory(List.of(step(1, HostHistory.Kind.COPY, "a")));
        assertTrue(h.promised("a"), "nothing excuses a loss without a power cut");
    }

    @Test
    void aCopyAfterThePromiseNeedsAPromiseOfItsOwn() {
        HostHistory h = new HostHistory(List.of(step(1, HostHistory.Kind.COPY, "a"), step(2, HostHistory.Kind.PROMISE),
                step(3, HostHistory.Kind.COPY, "a"), step(4, HostHistory.Kind.POWER_CUT)));
        assertFalse(h.promised("a"));
    }

    @Test
    void aPromiseAfterTheCutIsTooLateAndUnknownStepsPromiseEverything() {
        HostHistory h = new HostHistory(List.of(step(1, HostHistory.Kind.COPY, "a"), step(2, HostHistory.Kind.POWER_CUT),
                step(3, HostHistory.Kind.PROMISE)));
        assertFalse(h.promised("a"));
        assertTrue(HostHistory.UNKNOWN.promised("a"));
    }

    @Test
    void aCopyThatFlushesPromisesWhatItCopiedInTheSameStep() {
        HostHistory h = new HostHistory(List.of(step(1, HostHistory.Kind.COPY, "a"), step(1, HostHistory.Kind.PROMISE, "a"),
                step(2, HostHistory.Kind.POWER_CUT)));
        assertTrue(h.promised("a"));
        assertTrue(h.promisedBeforeCut("a"));
    }
}
