package dev.orchestrate.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.orchestrate.dut.Placement;
import dev.orchestrate.host.Platform;
import dev.orchestrate.outcome.RigBroken;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The macOS tools: their command lines once a helper is ready, and why a Linux host cannot run them. */
class HelperToolTest {

    private static final Placement TO = new Placement(Path.of("/Volumes/T/cell/file-1.bin"), -1, 512);
    private static final Path FROM = Path.of("/tmp/run/source/file-1.bin");

    private static String line(String tool, String... pairs) {
        HelperTool t = (HelperTool) Tools.named(tool).orElseThrow();
        return t.command(List.of("/cache/" + t.helper().name()), FROM, TO, ToolOptions.of(t, pairs)).display();
    }

    @Test
    void copyfileFlagsFollowTheOptions() {
        assertEquals("/cache/copyfile-copy /tmp/run/source/file-1.bin /Volumes/T/cell/file-1.bin", line("copyfile"));
        assertEquals("/cache/copyfile-copy --no-clone --data-only --block-size 65536 /tmp/run/source/file-1.bin /Volumes/T/cell/file-1.bin",
                line("copyfile", "clone", "no", "data-only", "yes", "buffer-size", "64KiB"));
    }

    @Test
    void theFinderDuplicatesIntoTheFolder() {
        assertEquals("/cache/finder-duplicate /tmp/run/source/file-1.bin /Volumes/T/cell", line("finder"));
        HelperTool finder = (HelperTool) Tools.named("finder").orElseThrow();
        RigBroken e = assertThrows(RigBroken.class, () -> finder.command(List.of("osascript", "f.applescript"), FROM,
                new Placement(Path.of("/Volumes/T/other.bin"), -1, 512), ToolOptions.of(finder)));
        assertTrue(e.getMessage().startsWith("the Finder keeps the source's name"), e.getMessage());
    }

    @Test
    void foundationAndCarbonHelpersTakeTheTwoPaths() {
        assertEquals("/cache/nsfilemanager-copy /tmp/run/source/file-1.bin /Volumes/T/cell/file-1.bin", line("nsfilemanager"));
        assertEquals("/cache/fscopyobject-copy /tmp/run/source/file-1.bin /Volumes/T/cell/file-1.bin", line("fscopyobject"));
        assertEquals("/cache/asr-restore /tmp/run/source/file-1.bin /Volumes/T/cell/file-1.bin", line("asr"));
    }

    @Test
    void dittoOptionsAndWhatItLeaves() {
        Ditto ditto = new Ditto();
        assertEquals("ditto --nocache --hfsCompression /tmp/run/source/file-1.bin /Volumes/T/cell/file-1.bin",
                ditto.command(FROM, TO, ToolOptions.of(ditto, "nocache", "yes", "compression", "yes")).display());
        assertEquals(Leaves.TRANSFORMED, ditto.leaves(ToolOptions.of(ditto, "compression", "yes")));
        assertEquals(Leaves.DATA, ditto.leaves(ToolOptions.of(ditto)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ditto", "asr", "finder", "copyfile", "nsfilemanager", "fscopyobject"})
    void onLinuxAMacOsToolSaysSo(String name) {
        assumeTrue(Platform.current() == Platform.LINUX, "this host is not Linux");
        Tool tool = Tools.named(name).orElseThrow();
        assertEquals(name + ": macOS only", tool.unavailable(ToolOptions.of(tool)).orElseThrow());
    }
}
