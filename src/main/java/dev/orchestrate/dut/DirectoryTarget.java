package dev.orchestrate.dut;

import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.report.Evidence;
import dev.orchestrate.suite.Cell;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An already-mounted volume: each cell copies into its own directory below
 * {@code <path>/orchestrate-<run>/}; verification reads the files back through the file system.
 */
public final class DirectoryTarget implements Target, Purgeable {

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
    public Placement place(Cell cell, int index) {
        return new Placement(runRoot.resolve(cell.slug()).resolve("file-" + index + ".bin"), -1, 512);
    }

    @Override
    public void afterCell(Cell cell, List<Placement> placements, boolean passed, Evidence evidence) {
        if (!passed) {
            return;
        }
        try {
            for (Placement p : placements) {
                Files.deleteIfExists(p.path());
            }
            Files.deleteIfExists(runRoot.resolve(cell.slug()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the files of " + cell.name() + " from " + root, e);
        }
    }

    @Override
    public void purge() {
        dev.orchestrate.host.PageCache.dropClean();
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
