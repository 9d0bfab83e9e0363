package dev.orchestrate.step;

import dev.orchestrate.data.NameSet;
import dev.orchestrate.data.StampedFile;
import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Location;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Section;
import dev.orchestrate.suite.Size;
import dev.orchestrate.suite.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes the cell's stamped source files on the host, outside the target.
 *
 * @param set the name set the files are named from, or empty for file-1.bin, file-2.bin ...
 * @param sparse every second MiB of each file is a hole
 */
record Generate(long size, int files, int generation, Optional<NameSet> set, boolean sparse) implements Action {

    static final int MAX_FILES = CellContext.FILES_PER_CELL - 1;
    static final String NUMBERED = "numbered";
    static final String SOURCE = "source";

    static final Section SECTION = Section.of("generate",
            "Writes the cell's source files: stamped sectors, generated on the host outside the target.", List.of(
            Key.required("size", Key.Type.SIZE, "the size of each file, e.g. 4KiB, 256MiB, 5GiB"),
            Key.optional("files", Key.Type.COUNT, null,
                    "how many files (1 to " + MAX_FILES + "); 1 unless 'names' gives one file per name"),
            Key.optional("names", Key.Type.TEXT, NUMBERED, "numbered: file-1.bin, file-2.bin ...; "
                    + "or a name set, a text file of one name per line "
                    + "(path relative to the suite, e.g. ../fixtures/names.txt): one file per name, "
                    + "and verify checks the names and the listing"),
            Key.optional("generation", Key.Type.COUNT, "1",
                    "the generation stamped in every sector; raise it to rewrite the same files with new content"),
            Key.choice("sparse", "no", List.of("no", "yes"), "yes: every second MiB of each file (the second, the fourth ...) "
                    + "is a hole, never written, where zeros belong; "
                    + "a copy may keep the holes or write the zeros, and either is intact")));

    /** The step's options, with its name set read once, from beside the suite file. */
    static Generate of(Options o) {
        Optional<NameSet> set = nameSet(o);
        long given = o.find("files").map(v -> Key.count(v.text())).orElse(1L);
        int files = set.map(s -> s.names().size()).filter(n -> n > 0).orElse((int) Math.min(Integer.MAX_VALUE, given));
        return new Generate(o.size("size"), files, (int) o.count("generation"), set, o.text("sparse").equals("yes"));
    }

    /** The files' names from the name set; empty for file-1.bin, file-2.bin ... */
    List<String> names() {
        return set.map(NameSet::names).orElse(List.of());
    }

    /**
     * The files must be 1 to {@link #MAX_FILES} and hold at least a byte; a name set must be readable,
     * alone (not with 'files'), and for a file system: raw placements have no names.
     */
    @Override
    public void check(Step step, Plan plan) {
        Options o = step.options();
        plan.generated = true;
        plan.size = size;
        plan.files = files;
        plan.named = set.isPresent();
        plan.generates(files, size);
        if (size < 1) {
            plan.problem(o.value("size").at(), "size must be at least 1 byte: a file of nothing verifies nothing");
        }
        set.ifPresent(names -> {
            Location at = o.value("names").at();
            names.problems().forEach(p -> plan.problem(at, "names: " + p));
            o.find("files").ifPresent(v -> plan.problem(v.at(),
                    "'files' and 'names' both say how many files there are; "
                            + "with a name set there is one file per name, so remove 'files'"));
            if (plan.raw()) {
                plan.problem(at, "names need a file system, and " + plan.targetNamed()
                        + " places files raw at device offsets; use the emulated or a directory target");
            }
        });
        if (files < 1 || files >= CellContext.FILES_PER_CELL) {
            plan.problem(o.find("files").orElse(o.value("names")).at(),
                    "files must be 1 to " + (CellContext.FILES_PER_CELL - 1) + "; found " + files);
        }
    }

    /** The name set the options name, if any, read from beside the suite file. */
    private static Optional<NameSet> nameSet(Options o) {
        var value = o.value("names");
        if (value.text().equals(NUMBERED)) {
            return Optional.empty();
        }
        return Optional.of(NameSet.read(Path.of(value.at().file()).toAbsolutePath().resolveSibling(value.text()).normalize()));
    }

    @Override
    public String title() {
        return "generate " + files + (files == 1 ? " file of " : " files of ") + new Size(size) + ", generation " + generation
                + (names().isEmpty() ? "" : ", named from a name set") + (sparse ? ", sparse" : "");
    }

    @Override
    public void run(CellContext cell) {
        List<CellContext.Source> sources = planned(cell);
        try {
            Files.createDirectories(cell.scratch().resolve(SOURCE));
            for (CellContext.Source s : sources) {
                String activity = "generate " + s.name();
                s.file().writeTo(s.path(), done -> cell.evidence().progress(activity, done, size));
            }
        } catch (IOException e) {
            throw new RigBroken("cannot write the source files in " + cell.scratch().resolve(SOURCE) + ": " + e.getMessage(), e);
        }
        cell.generated(sources);
    }

    /** The sources are still on the host, where the run before the reboot wrote them. */
    @Override
    public void resume(CellContext cell) {
        cell.generated(planned(cell));
    }

    /** The cell's source files: which stamped content each holds and where it lies. */
    private List<CellContext.Source> planned(CellContext cell) {
        List<CellContext.Source> sources = new ArrayList<>();
        Path dir = cell.scratch().resolve(SOURCE);
        List<String> names = names();
        for (int index = 1; index <= files; index++) {
            String name = names.isEmpty() ? CellContext.fileName(index) : names.get(index - 1);
            try {
                sources.add(new CellContext.Source(index,
                        new StampedFile(cell.runId(), cell.fileId(index), generation, size, cell.format(), sparse), dir.resolve(name)));
            } catch (InvalidPathException e) {
                throw new RigBroken("cannot name a source file " + name + " in " + dir + ": " + e.getMessage()
                        + "; file names need a UTF-8 locale (LANG=C.UTF-8)", e);
            }
        }
        return sources;
    }
}
