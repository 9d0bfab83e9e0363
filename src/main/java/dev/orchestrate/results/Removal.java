package dev.orchestrate.results;

import dev.orchestrate.process.Command;
import dev.orchestrate.process.Processes;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;

/**
 * Removes a run directory inside the reports directory and says how much room it took. A symbolic
 * link in it is removed as a link, never followed: whatever it points to, in the reports directory
 * or out of it, stays.
 */
public final class Removal {

    private static final Duration DU_TIMEOUT = Duration.ofMinutes(2);

    private Removal() {
    }

    /**
     * The room {@code dir} takes on its disk, as {@code du} counts it: a sparse media image counts what
     * it holds, not its length, and links are not followed.
     */
    public static long bytes(Path dir) {
        String line = Processes.require(Command.of(DU_TIMEOUT, "du", "-sk", dir.toString())).lastLine().strip();
        return Long.parseLong(line.split("\\s+", 2)[0]) * 1024;
    }

    /** Deletes {@code dir}, a real directory inside {@code root} (a real path), and everything under it. */
    public static void delete(Path dir, Path root) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || !dir.toRealPath().startsWith(root)) {
            throw new IOException(dir + " is not a directory inside " + root + "; nothing was removed there");
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
