package dev.orchestrate.tool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.orchestrate.dut.Placement;
import dev.orchestrate.process.Outcome;
import dev.orchestrate.process.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every file-system tool copies a file byte for byte when run for real, with its default options, whatever its name. */
class ToolsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"cp", "dd", "rsync", "tar", "cat", "gio", "nio", "mmap", "odirect"})
    void copiesExactly(String name) throws IOException {
        Tool tool = Tools.named(name).orElseThrow();
        assumeTrue(tool.unavailable(ToolOptions.of(tool)).isEmpty(), () -> "skipped: " + tool.unavailable(ToolOptions.of(tool)).orElse(""));
        byte[] data = new byte[3 << 20];
        new Random(name.hashCode()).nextBytes(data);
        // a name a careless command line would take for an option, outside ASCII and decomposed
        String fileName = "-cafe\u0301 資料.bin";
        Path source = Files.write(Files.createDirectories(dir.resolve("source")).resolve(fileName), data);
        Path target = Files.createDirectories(dir.resolve("volume")).resolve(fileName);
        Outcome outcome = Processes.run(tool.command(source, new Placement(target, -1, 512), ToolOptions.of(tool)));
        assertEquals(0, outcome.exitCode(), outcome.describe());
        assertArrayEquals(data, Files.readAllBytes(target));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsync", "tar", "cat", "gio"})
    void aMissingProgramSaysWhatToInstall(String name) {
        CommandTool tool = (CommandTool) Tools.named(name).orElseThrow();
        CommandTool absent = new CommandTool(tool.profile(), "no-such-program-" + name, tool.installHint(), tool.argv());
        assertEquals("no-such-program-" + name + ": not installed; " + tool.installHint(),
                absent.missing(ToolOptions.of(tool)).orElseThrow());
        assertTrue(absent.installHint().startsWith("apt-get install "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"same-size", "existing"})
    void rsyncToldToSkipLeavesAFileOfTheSameSizeAsItWas(String skip) throws IOException {
        Tool rsync = Tools.named("rsync").orElseThrow();
        assumeTrue(rsync.unavailable(ToolOptions.of(rsync)).isEmpty(),
                () -> "skipped: " + rsync.unavailable(ToolOptions.of(rsync)).orElse(""));
        Path source = Files.write(Files.createDirectories(dir.resolve("source")).resolve("f.bin"), new byte[] {2, 2, 2, 2});
        Path target = Files.write(Files.createDirectories(dir.resolve("volume")).resolve("f.bin"), new byte[] {1, 1, 1, 1});
        Files.setLastModifiedTime(target, FileTime.fromMillis(0));
        Outcome skipped = Processes.run(rsync.command(source, new Placement(target, -1, 512), ToolOptions.of(rsync, "skip", skip)));
        assertEquals(0, skipped.exitCode(), skipped.describe());
        assertArrayEquals(new byte[] {1, 1, 1, 1}, Files.readAllBytes(target), "rsync --" + skip + " rewrote the file");
        Outcome copied = Processes.run(rsync.command(source, new Placement(target, -1, 512), ToolOptions.of(rsync)));
        assertEquals(0, copied.exitCode(), copied.describe());
        assertArrayEquals(new byte[] {2, 2, 2, 2}, Files.readAllBytes(target), "rsync's quick check sees the new time");
    }
}
