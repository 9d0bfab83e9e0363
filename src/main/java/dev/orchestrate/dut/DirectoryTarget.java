package dev.orchestrate.dut;

import dev.orchestrate.host.PageCache;
import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.report.Evidence;
import dev.orchestrate.suite.Cell;
import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Section;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An already-mounted volume: each cell copies into its own directory below
 * {@code <path>/orchestrate-<run>/}; verification reads the files back through the file system.
 */
public final class DirectoryTarget implements Target {

    /** The directory kind: its keys, and the checks of a suite that names it. */
    static final class Kind implements TargetKind {

        @Override
        public String name() {
            return "directory";
        }

        @Override
        public Section.Variant variant() {
            return new Section.Variant("an already-mounted volume; files are copied onto it and read back through its file system",
                    List.of(Key.optional("path", Key.Type.TEXT, null,
                            "the mounted volume (a directory on it); default: a scratch directory in the run directory, "
                                    + "for trying suites out")));
        }

        @Override
        public Set<Ability> abilities() {
            return Set.of(Ability.PURGE);
        }

        @Override
        public Target open(Opening at) {
            return new DirectoryTarget(at.options().optionalText("path").map(Path::of).orElse(at.runDir().resolve("volume")), at.runName());
        }

        @Override
        public Optional<String> pathProblem(Options target, Path path) {
            return Files.isDirectory(path) ? Optional.empty()
                    : Optional.of("target path " + path + " is not a directory; mount the volume under test and name a directory on it");
        }
    }

    private final Path root;
    private final Path runRoot;

    public DirectoryTarget(Path root, String runName) {
        this.root = root;
        this.runRoot = root.resolve("orchestrate-" + runName);
    }

    @Override
    public String describe() {
        return "directory " + root.toAbsolutePath();
    }

    @Override
    public boolean raw() {
        return false;
    }

    @Override
    public void prepare() {
        try {
            Files.createDirectories(runRoot);
        } catch (IOException e) {
            throw new RigBroken("cannot create " + runRoot + " on the target volume: " + e.getMessage(), e);
        }
    }

    @Override
    public Device open(Cell cell, Path dir, Evidence evidence) {
        return new CellDirectory(cell, runRoot.resolve(cell.slug()));
    }

    /** A cell's own directory on the volume; a passed cell's files leave it, a failed cell's stay as evidence. */
    private record CellDirectory(Cell cell, Path dir) implements Device, Purgeable {

        @Override
        public Placement place(int index) {
            return new Placement(dir.resolve("file-" + index + ".bin"), -1, 512);
        }

        @Override
        public void close(boolean passed, List<Placement> placements) {
            if (!passed) {
                return;
            }
            try {
                for (Placement p : placements) {
                    Files.deleteIfExists(p.path());
                }
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the files of " + cell.name() + " from " + dir.getParent().getParent(), e);
            }
        }

        @Override
        public void purge() {
            PageCache.dropClean();
        }
    }

    @Override
    public void close() {
        try {
            if (Files.isDirectory(runRoot)) {
                try (var left = Files.list(runRoot)) {
                    if (left.findAny().isEmpty()) {
                        Files.delete(runRoot);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tidy " + runRoot, e);
        }
    }
}
