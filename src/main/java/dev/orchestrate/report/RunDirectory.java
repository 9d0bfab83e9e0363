package dev.orchestrate.report;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * {@code reports/<suite>/<timestamp>/}: where one run keeps its results, report, JUnit XML and
 * manifest; {@code reports/<suite>/latest} links to the newest finished run.
 */
public record RunDirectory(Path suiteDir, Path path) {

    public static final String LATEST = "latest";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss");

    /**
     * Creates a new, empty run directory for {@code suite} under {@code reports}, named for the time
     * and, when there is one, {@code tag} ({@code 2026-12-02_01-00-00_shard-1of2}).
     */
    public static RunDirectory create(Path reports, String suite, String tag) throws IOException {
        Path suiteDir = Files.createDirectories(reports.resolve(suite));
        String stamp = LocalDateTime.now().format(STAMP) + (tag.isEmpty() ? "" : "_" + tag);
        for (int attempt = 1; ; attempt++) {
            Path candidate = suiteDir.resolve(attempt == 1 ? stamp : stamp + "-" + attempt);
            try {
                return new RunDirectory(suiteDir, Files.createDirectory(candidate));
            } catch (FileAlreadyExistsException e) {
                // two runs in the same second: take the next suffix
            }
        }
    }

    /** The run that {@code latest} points to before this one, or null. */
    public Path previous() {
        Path latest = suiteDir.resolve(LATEST);
        return Files.isDirectory(latest) ? latest : null;
    }

    /** Points {@code latest} at this run, replacing the old link in one step. */
    public void markLatest() throws IOException {
        Path link = suiteDir.resolve(LATEST);
        // a name of this process's own: two runs of one suite may finish at the same moment
        Path fresh = suiteDir.resolve(LATEST + "." + ProcessHandle.current().pid() + ".new");
        Files.deleteIfExists(fresh);
        Files.createSymbolicLink(fresh, path.getFileName());
        Files.move(fresh, link, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
