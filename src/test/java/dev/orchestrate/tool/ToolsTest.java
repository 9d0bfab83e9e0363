package dev.orchestrate.tool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.orchestrate.process.Outcome;
import dev.orchestrate.process.Processes;
import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Location;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Value;
import dev.orchestrate.target.Placement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every file-system tool copies a file byte for byte when run for real, with its default options. */
class ToolsTest {

    @TempDir
    Path dir;

    private static Options defaults(Tool tool) {
        Map<String, Value> values = new HashMap<>();
        values.put("timeout", new Value("1m", new Location("t", 1, 1)));
        for (Key k : tool.keys()) {
            values.put(k.name(), new Value(k.fallback(), new Location("t", 1, 1)));
        }
        return new Options("copy", values);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cp", "dd", "rsync", "tar", "cat", "gio"})
    void copiesExactly(String name) throws IOException {
        Tool tool = Tools.named(name).orElseThrow();
        assumeTrue(tool.unavailable().isEmpty(), () -> "skipped: " + tool.unavailable().orElse(""));
        byte[] data = new byte[3 << 20];
        new Random(name.hashCode()).nextBytes(data);
        Path source = Files.write(Files.createDirectories(dir.resolve("source")).resolve("file-1.bin"), data);
        Path target = Files.createDirectories(dir.resolve("volume")).resolve("file-1.bin");
        Outcome outcome = Processes.run(tool.command(source, new Placement(target, -1, 512), defaults(tool)));
        assertEquals(0, outcome.exitCode(), outcome.describe());
        assertArrayEquals(data, Files.readAllBytes(target));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsync", "tar", "cat", "gio"})
    void aMissingProgramSaysWhatToInstall(String name) {
        FileSystemTool tool = (FileSystemTool) Tools.named(name).orElseThrow();
        FileSystemTool absent = new FileSystemTool(tool.name(), tool.help(), "no-such-program-" + name, tool.installHint(), tool.keys(), tool.argv());
        assertEquals("no-such-program-" + name + ": not installed; " + tool.installHint(), absent.unavailable().orElseThrow());
        assertTrue(absent.installHint().startsWith("apt-get install "));
    }
}
