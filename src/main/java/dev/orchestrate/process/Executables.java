package dev.orchestrate.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds programs on the PATH, so a missing tool is reported before a cell tries to run it. */
public final class Executables {

    private Executables() {
    }

    public static Optional<Path> find(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Empty when {@code program} is on the PATH, else a reason naming the package to install. */
    public static Optional<String> missing(String program, String installHint) {
        return find(program).isPresent() ? Optional.empty() : Optional.of(program + ": not installed; " + installHint);
    }
}
