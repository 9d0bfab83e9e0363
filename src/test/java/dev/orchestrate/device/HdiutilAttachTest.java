package dev.orchestrate.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orchestrate.outcome.RigBroken;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class HdiutilAttachTest {

    private static String output(String name) throws IOException {
        return Files.readString(Fixtures.MACOS.resolve(name));
    }

    @Test
    void theRamDiskNodeIsReadDespiteItsPadding() throws IOException {
        assertEquals("disk8", HdiutilAttach.device(output("hdiutil-attach-ram.txt"), "hdiutil-attach-ram.txt"));
        assertEquals("disk4", HdiutilAttach.device("/dev/disk4\tGUID_partition_scheme\t\n/dev/disk4s1\tEFI\t\n", "inline"));
    }

    @Test
    void aFailedOrSilentAttachSaysWhatItPrinted() throws IOException {
        RigBroken e = assertThrows(RigBroken.class,
                () -> HdiutilAttach.device(output("hdiutil-attach-failed.txt"), "hdiutil attach -nomount ram://2097152"));
        assertEquals("hdiutil attach -nomount ram://2097152: hdiutil attach printed no /dev/diskN line (it said 'hdiutil: attach failed"
                + " - Resource temporarily unavailable'); check the ram:// size is a whole number of 512-byte sectors"
                + " and that memory is free",
                e.getMessage());
        e = assertThrows(RigBroken.class, () -> HdiutilAttach.device(output("hdiutil-attach-empty.txt"), "x"));
        assertEquals(true, e.getMessage().contains("(it said nothing)"), e.getMessage());
    }
}
