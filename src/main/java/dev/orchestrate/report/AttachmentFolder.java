package dev.orchestrate.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Where a cell keeps its attachments, numbered in the order they were made: a run's cell and an
 * offline verify's write them the same way. Numbering goes on after what the folder already holds,
 * so a resumed cell's attachments follow those from before its reboot.
 */
public final class AttachmentFolder {

    /** The name may hold a file name of up to 255 bytes: the number keeps it unique, the cut keeps it a legal file name. */
    private static final int NAME_CUT = 80;

    private final Path folder;
    private int count;

    public AttachmentFolder(Path folder) {
        this.folder = folder;
        try (Stream<Path> kept = Files.exists(folder) ? Files.list(folder) : Stream.empty()) {
            this.count = (int) kept.count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the attachments in " + folder, e);
        }
    }

    /** Keeps one attachment; returns the file it was written to. */
    public Path keep(String name, String extension, byte[] content) {
        try {
            String slug = name.replaceAll("[^A-Za-z0-9._-]+", "_");
            String file = String.format(Locale.ROOT, "%02d-%s.%s", ++count, slug.substring(0, Math.min(slug.length(), NAME_CUT)),
                    extension);
            return Files.write(Files.createDirectories(folder).resolve(file), content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep attachment " + name, e);
        }
    }
}
