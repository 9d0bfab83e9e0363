package dev.orchestrate.results;

import dev.orchestrate.engine.Journal;
import dev.orchestrate.engine.Labels;
import dev.orchestrate.report.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A run directory kept under {@code reports/<suite>/}, as much of it as deciding whether to keep it
 * needs: its labels (summary.json's, else the journal's for a run that never finished) and whether
 * its journal says it awaits a resume.
 */
public record StoredRun(Path dir, Labels labels, boolean awaitingResume) {

    /**
     * The runs of the suite in {@code suiteDir}, newest first: the directories named as runs are named.
     * A symbolic link is not a run, whatever it points to, and neither is anything else there.
     */
    public static List<StoredRun> of(Path suiteDir) throws IOException {
        try (Stream<Path> entries = Files.list(suiteDir)) {
            return entries.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> RunDirectory.isRunName(p.getFileName().toString()))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString(), RunDirectory.NEWEST_FIRST))
                    .map(StoredRun::read).toList();
        }
    }

    static StoredRun read(Path dir) {
        Optional<Journal.Log> journal = journal(dir);
        Labels labels = summaryLabels(dir).orElseGet(() -> journal.map(j -> j.started().runLabels()).orElse(Labels.NONE));
        return new StoredRun(dir, labels, journal.flatMap(Journal.Log::awaiting).isPresent());
    }

    private static Optional<Labels> summaryLabels(Path dir) {
        Path file = dir.resolve(Summary.FILE);
        try {
            return Files.isRegularFile(file) ? Optional.ofNullable(Summary.read(file).labels()).map(Labels::new) : Optional.empty();
        } catch (IOException e) {
            // a torn summary or another version's: the journal still says how the run began
            return Optional.empty();
        }
    }

    private static Optional<Journal.Log> journal(Path dir) {
        Path file = dir.resolve(Journal.FILE);
        try {
            return Files.isRegularFile(file) ? Optional.of(Journal.read(file)) : Optional.empty();
        } catch (Journal.Unreadable e) {
            // a journal that cannot be read cannot be resumed either
            return Optional.empty();
        }
    }
}
