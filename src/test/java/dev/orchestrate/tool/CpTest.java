package dev.orchestrate.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.dut.Placement;
import dev.orchestrate.host.Platform;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CpTest {

    private static String line(String... pairs) {
        return new Cp().command(Path.of("/src/f"), new Placement(Path.of("/vol/f"), -1, 512), ToolOptions.of(new Cp(), pairs)).display();
    }

    @Test
    void byDefaultCpChoosesForItself() {
        assertEquals("cp -- /src/f /vol/f", line());
    }

    @Test
    void gnuOptionsSayNotToCloneOrNotToLeaveHoles() {
        assertEquals("cp --reflink=never --sparse=never -- /src/f /vol/f", line("reflink", "never", "sparse", "never"));
    }

    @Test
    void runsOnBothPlatforms() {
        assertTrue(new Cp().platforms().containsAll(List.of(Platform.LINUX, Platform.MACOS)));
    }
}
