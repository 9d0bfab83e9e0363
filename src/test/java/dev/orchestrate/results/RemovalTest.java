package dev.orchestrate.results;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Removing a run never follows a link out of it, and never removes what is not a run directory inside the reports. */
class RemovalTest {

    @TempDir
    Path dir;

    @Test
    void linksInARunAreRemovedAsLinksAndWhatTheyNameStays() throws IOException {
        Path root = Files.createDirectories(dir.resolve("reports")).toRealPath();
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.write(elsewhere.resolve("data.bin"), new byte[1 << 20]);
        Path run = Files.createDirectories(root.resolve("suite/2026-11-01_01-00-00/cells/000"));
        Files.writeString(run.resolve("command-log.jsonl"), "{}\n");
        Files.createSymbolicLink(run.resolve("to-a-directory"), elsewhere);
        Files.createSymbolicLink(run.resolve("to-a-file"), elsewhere.resolve("data.bin"));
        Path top = root.resolve("suite/2026-11-01_01-00-00");
        assertTrue(Removal.bytes(top) < 1 << 20, "du does not count what a link names");

        Removal.delete(top, root);
        assertFalse(Files.exists(top, LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.isRegularFile(elsewhere.resolve("data.bin")));
    }

    @Test
    void aLinkOrADirectoryOutsideTheReportsIsRefused() throws IOException {
        Path root = Files.createDirectories(dir.resolve("reports")).toRealPath();
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere/2026-11-01_01-00-00"));
        Path link = Files.createSymbolicLink(Files.createDirectories(root.resolve("suite")).resolve("2026-11-01_01-00-00"), elsewhere);
        assertThrows(IOException.class, () -> Removal.delete(link, root));
        assertThrows(IOException.class, () -> Removal.delete(elsewhere, root));
        assertTrue(Files.isDirectory(elsewhere));
        assertTrue(Files.isSymbolicLink(link));
    }
}
