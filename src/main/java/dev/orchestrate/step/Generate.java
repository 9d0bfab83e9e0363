package dev.orchestrate.step;

import dev.orchestrate.data.StampedFile;
import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Section;
import dev.orchestrate.suite.Size;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes the cell's stamped source files on the host, outside the target. */
record Generate(long size, int files, int generation) implements Action {

    static final int MAX_FILES = CellContext.FILES_PER_CELL - 1;

    static final Section SECTION = Section.of("generate", "Writes the cell's source files: stamped sectors, generated on the host outside the target.", List.of(
            Key.required("size", Key.Type.SIZE, "the size of each file, e.g. 4KiB, 256MiB, 5GiB"),
            Key.optional("files", Key.Type.COUNT, "1", "how many files (1 to " + MAX_FILES + ")"),
            Key.optional("generation", Key.Type.COUNT, "1", "the generation stamped in every sector; raise it to rewrite the same files with new content")));

    static Generate of(Options o) {
        return new Generate(o.size("size"), (int) o.count("files"), (int) o.count("generation"));
    }

    @Override
    public String title() {
        return "generate " + files + (files == 1 ? " file of " : " files of ") + new Size(size) + ", generation " + generation;
    }

    @Override
    public void run(CellContext cell) {
        List<CellContext.Source> sources = new ArrayList<>();
        Path dir = cell.scratch().resolve("source");
        try {
            Files.createDirectories(dir);
            for (int index = 1; index <= files; index++) {
                StampedFile file = new StampedFile(cell.runId(), cell.fileId(index), generation, size, cell.format());
                Path path = dir.resolve(CellContext.fileName(index));
                String activity = "generate " + CellContext.fileName(index);
                file.writeTo(path, done -> cell.evidence().progress(activity, done, size));
                sources.add(new CellContext.Source(index, file, path));
            }
        } catch (IOException e) {
            throw new RigBroken("cannot write the source files in " + dir + ": " + e.getMessage(), e);
        }
        cell.generated(sources);
    }
}
