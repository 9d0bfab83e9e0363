package dev.orchestrate.report;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code reports/<suite>/<timestamp>/}: where one run keeps its results, report, JUnit XML and
 * manifest; {@code reports/<suite>/latest} links to the newest finished run.
 */
public record RunDirectory(Path suiteDir, Path path) {

    public static final String LATEST = "latest";
    private static final String STAMP_PATTERN = "yyyy-MM-dd_HH-mm-ss";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern(STAMP_PATTERN);
    /** A name {@link #create} gives: the time, and a suffix for a second run in the same second. */
    private static final Pattern NAME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}_\\d{2}-\\d{2}-\\d{2}(?:-(\\d+))?");

    /** Run directories' names newest first: by their time, then by the suffix that runs started in one second get. */
    public static final Comparator<String> NEWEST_FIRST = Comparator.comparing((String name) -> name.substring(0, STAMP_PATTERN.length()))
            .thenComparingLong(RunDirectory::attempt).reversed();

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

    /** Whether {@code name} is one that {@link #create} gives a run directory. */
    public static boolean isRunName(String name) {
        return NAME.matcher(name).matches();
    }

    private static long attempt(String name) {
        Matcher m = NAME.matcher(name);
        return m.matches() && m.group(1) != null ? Long.parseLong(m.group(1)) : 1;
    }

    /** The run directory in {@code suiteDir} that {@code latest} names, whether or not it is there; empty without the link. */
    public static Optional<Path> latest(Path suiteDir) throws IOException {
        Path link = suiteDir.resolve(LATEST);
        return Files.isSymbolicLink(link) ? Optional.of(suiteDir.resolve(Files.readSymbolicLink(link)).normalize()) : Optional.empty();
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
