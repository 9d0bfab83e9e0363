package dev.orchestrate.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsrOutputTest {

    private static AsrOutput read(String name) throws IOException {
        return AsrOutput.parse(Files.readString(Fixtures.MACOS.resolve(name)));
    }

    @Test
    void aCompletedRestore() throws IOException {
        AsrOutput ok = read("asr-restore-ok.txt");
        assertEquals(new AsrOutput(List.of("Validating target", "Validating source", "Retrieving scan information", "Validating sizes",
                "Remounting target volume"), 100, 100, "/dev/disk5s2", true, List.of()), ok);
        assertEquals("restored to /dev/disk5s2, verified", ok.summary());
    }

    @Test
    void aFailedRestoreKeepsItsErrorAndHowFarItGot() throws IOException {
        AsrOutput failed = read("asr-restore-failed.txt");
        assertEquals(30, failed.restoredPercent());
        assertEquals(List.of("asr: Couldn't restore - Input/output error"), failed.errors());
        assertEquals("stopped at 30 % restored after Validating sizes: asr: Couldn't restore - Input/output error", failed.summary());
    }

    @Test
    void aTruncatedRestoreIsNotCompleted() throws IOException {
        AsrOutput cut = read("asr-restore-truncated.txt");
        assertEquals(20, cut.restoredPercent(), "the bar was cut inside '....3'");
        assertEquals("stopped at 20 % restored after Validating sizes with no error printed (output cut short: killed or timed out?)",
                cut.summary());
        assertEquals(new AsrOutput(List.of(), 0, 0, null, false, List.of()), AsrOutput.parse(""));
    }
}
