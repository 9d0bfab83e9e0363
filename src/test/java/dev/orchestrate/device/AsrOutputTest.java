package dev.orchestrate.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsrOutputTest {

    private static AsrOutput read(String name, int exitCode) throws IOException {
        return AsrOutput.parse(Files.readString(Fixtures.MACOS.resolve(name)), exitCode);
    }

    @Test
    void aCompletedRestore() throws IOException {
        AsrOutput ok = read("asr-restore-ok.txt", 0);
        assertEquals(new AsrOutput(List.of("Validating target", "Validating source", "Retrieving scan information", "Validating sizes",
                "Remounting target volume"), 100, 100, "/dev/disk5s2", 0, true, List.of()), ok);
        assertEquals("restored to /dev/disk5s2, verified", ok.summary());
    }

    @Test
    void osX106To1012EndAtRemountingWithNoCompletionLineAndThatIsSuccess() throws IOException {
        AsrOutput old = read("asr-restore-ok-10.6.txt", 0);
        assertTrue(old.completed(), old.summary());
        assertEquals("Remounting target volume", old.stepsDone().getLast());
        assertEquals("restored, verified", old.summary());
    }

    @Test
    void aVolumeClonesReplicatingBarIsTheRestoreProgress() throws IOException {
        AsrOutput clone = read("asr-restore-replicating.txt", 0);
        assertTrue(clone.completed(), clone.summary());
        assertEquals(100, clone.restoredPercent());
        assertEquals("restored", clone.summary());
    }

    @Test
    void aFailedRestoreKeepsItsErrorAndHowFarItGot() throws IOException {
        AsrOutput failed = read("asr-restore-failed.txt", 1);
        assertEquals(30, failed.restoredPercent());
        assertEquals(List.of("asr: Couldn't restore - Input/output error"), failed.errors());
        assertEquals("stopped at 30 % restored after Validating sizes: asr: Couldn't restore - Input/output error", failed.summary());
        AsrOutput exitedZero = read("asr-restore-failed.txt", 0);
        assertFalse(exitedZero.completed(), "a failure message is a failure whatever the exit code");
        assertTrue(exitedZero.summary().endsWith(" (though asr exited 0)"), exitedZero.summary());
    }

    @Test
    void aTruncatedRestoreIsNotCompleted() throws IOException {
        AsrOutput cut = read("asr-restore-truncated.txt", -1);
        assertEquals(20, cut.restoredPercent(), "the bar was cut inside '....3'");
        assertEquals("stopped at 20 % restored after Validating sizes with no error printed (exit code -1: killed or timed out?)",
                cut.summary());
        assertEquals(new AsrOutput(List.of(), 0, 0, null, 137, false, List.of()), AsrOutput.parse("", 137));
        assertFalse(read("asr-restore-ok.txt", 1).completed(), "the completion line does not outweigh a failing exit code");
    }
}
