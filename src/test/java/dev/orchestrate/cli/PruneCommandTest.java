package dev.orchestrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nightly prune on a fake reports tree: what it keeps, what it removes, and what it never touches. */
class PruneCommandTest {

    @TempDir
    Path dir;

    private Path reports;
    private Path outside;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int prune(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        String[] argv = Stream.concat(Stream.of("prune", "--reports", reports.toString()), Stream.of(args)).toArray(String[]::new);
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), argv);
    }

    /**
     * transfer-limit: six runs, oldest first: 01 pinned (release=2.1), 02 awaiting a resume, 03 what latest
     * links, 04, 05 and 05-2 (a second run in the same second); a link to a run outside; a file that is no run.
     */
    @BeforeEach
    void tree() throws IOException {
        reports = Files.createDirectories(dir.resolve("reports"));
        outside = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(outside.resolve("keep-me.txt"), "not the reports' to remove");
        Path suite = Files.createDirectories(reports.resolve("transfer-limit"));
        for (String run : List.of("2026-11-01_01-00-00", "2026-11-02_01-00-00", "2026-11-03_01-00-00", "2026-11-04_01-00-00",
                "2026-11-05_01-00-00", "2026-11-05_01-00-00-2")) {
            Path cells = Files.createDirectories(suite.resolve(run).resolve("cells/000-oflag=none"));
            byte[] media = new byte[64 * 1024];
            new Random(run.hashCode()).nextBytes(media);
            Files.write(cells.resolve("media.img.zst"), media);
            Files.writeString(suite.resolve(run).resolve("summary.json"), "{\"format\":1,\"suite\":\"transfer-limit\",\"labels\":{"
                    + (run.startsWith("2026-11-01") ? "\"release\":\"2.1\",\"driver\":\"2.1.0\"" : "\"driver\":\"2.2.0\"") + "}}");
            // a link inside a run that points out of the reports directory: removed as a link only
            Files.createSymbolicLink(cells.resolve("evidence"), outside);
        }
        Files.writeString(suite.resolve("2026-11-02_01-00-00").resolve("journal.jsonl"), """
                {"event":"run-started","at":"t","format":1,"runId":"01","suite":"transfer-limit","suiteFile":"/s.yaml",\
                "sha256":"00","only":[],"target":"emulated"}
                {"event":"awaiting-resume","at":"t","ordinal":0,"cell":"c","step":2,"title":"reboot"}
                """);
        Files.createSymbolicLink(suite.resolve("latest"), Path.of("2026-11-03_01-00-00"));
        Files.createSymbolicLink(suite.resolve("2026-10-01_01-00-00"), outside);
        Files.writeString(suite.resolve("notes.txt"), "not a run");
        Files.createDirectories(reports.resolve("smoke").resolve("2026-11-05_02-00-00"));
        Files.createSymbolicLink(reports.resolve("linked-suite"), outside);
        Files.createDirectories(outside.resolve("2026-01-01_01-00-00"));
    }

    private List<String> left() throws IOException {
        try (Stream<Path> entries = Files.list(reports.resolve("transfer-limit"))) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void keepsTheNewestThePinnedTheAwaitingAndLatestAndRemovesTheRest() throws IOException {
        assertEquals(Exit.PASSED, prune("--keep", "2", "--pin", "release=2.1"), err.toString());
        assertEquals(List.of("2026-10-01_01-00-00", "2026-11-01_01-00-00", "2026-11-02_01-00-00", "2026-11-03_01-00-00",
                "2026-11-05_01-00-00", "2026-11-05_01-00-00-2", "latest", "notes.txt"), left());
        assertEquals("removed transfer-limit/2026-11-04_01-00-00 (0.1 MiB)\n"
                + "removed 1 run, 0.1 MiB freed; kept 1 awaiting a resume, 1 latest, 3 newest, 1 pinned by release=2.1\n", out.toString());
        assertTrue(Files.isDirectory(reports.resolve("transfer-limit/latest")), "latest still links a run");
        assertTrue(Files.isRegularFile(outside.resolve("keep-me.txt")), "a link out of the reports directory is never followed");
        assertTrue(Files.isDirectory(outside.resolve("2026-01-01_01-00-00")), "nor a suite that is a link");
    }

    @Test
    void withoutPinsThePinnedRunGoesTooAndTheNewestOfOneSecondWins() throws IOException {
        assertEquals(Exit.PASSED, prune("--keep", "1"), err.toString());
        assertEquals(List.of("2026-10-01_01-00-00", "2026-11-02_01-00-00", "2026-11-03_01-00-00", "2026-11-05_01-00-00-2", "latest",
                "notes.txt"), left());
        assertTrue(out.toString().contains("removed 3 runs, "), out.toString());
        assertTrue(Files.isDirectory(reports.resolve("smoke/2026-11-05_02-00-00")), "every suite keeps its newest");
        assertTrue(Files.isRegularFile(outside.resolve("keep-me.txt")));
    }

    @Test
    void aDryRunListsWhatWouldGoAndRemovesNothing() throws IOException {
        List<String> before = left();
        assertEquals(Exit.PASSED, prune("--keep", "1", "--pin", "driver=2.1.0", "--dry-run"), err.toString());
        assertEquals(before, left());
        assertEquals("would remove transfer-limit/2026-11-05_01-00-00 (0.1 MiB)\n"
                + "would remove transfer-limit/2026-11-04_01-00-00 (0.1 MiB)\n"
                + "would remove 2 runs, 0.2 MiB to free; kept 1 awaiting a resume, 1 latest, 2 newest, 1 pinned by driver=2.1.0\n",
                out.toString());
    }

    @Test
    void badInputExitsTwoAndRemovesNothing() throws IOException {
        List<String> before = left();
        assertEquals(Exit.BAD_INPUT, prune("--keep", "0"));
        assertTrue(err.toString().contains("--keep 0: keep at least the newest run"), err.toString());
        assertEquals(Exit.BAD_INPUT, prune("--keep", "3", "--pin", "release"));
        assertTrue(err.toString().startsWith("--pin 'release' is not a label: give key=value"), err.toString());
        reports = dir.resolve("no-such");
        assertEquals(Exit.BAD_INPUT, prune("--keep", "3"));
        assertTrue(err.toString().contains("no-such: no such reports directory"), err.toString());
        reports = dir.resolve("reports");
        assertEquals(before, left());
        assertFalse(out.toString().contains("removed"));
    }
}
