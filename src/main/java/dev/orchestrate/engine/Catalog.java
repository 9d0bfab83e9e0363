package dev.orchestrate.engine;

import dev.orchestrate.step.CellContext;
import dev.orchestrate.step.Steps;
import dev.orchestrate.host.Platform;
import dev.orchestrate.suite.Cell;
import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Location;
import dev.orchestrate.suite.Problem;
import dev.orchestrate.suite.Size;
import dev.orchestrate.suite.Step;
import dev.orchestrate.suite.Suite;
import dev.orchestrate.suite.SuiteLoader;
import dev.orchestrate.suite.Vocabulary;
import dev.orchestrate.dut.Layout;
import dev.orchestrate.dut.Targets;
import dev.orchestrate.tool.Leaves;
import dev.orchestrate.tool.Tool;
import dev.orchestrate.tool.Tools;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The vocabulary of suites, assembled from the roles that implement it, with the rules that span roles. */
public final class Catalog {

    public static final Vocabulary VOCABULARY = new Vocabulary(Targets.SECTION, Targets.defaultKind(Platform.current()), Steps.SECTIONS,
            List.of(Catalog::checkOrder, Catalog::checkToolsFitTarget, Catalog::checkAbilities, Catalog::checkTargetPath, Catalog::checkCapacity,
                    Catalog::checkFileSystemReads));

    private Catalog() {
    }

    public static SuiteLoader loader() {
        return new SuiteLoader(VOCABULARY);
    }

    /** What each cell needs on a raw target, in matrix order. */
    public static List<Layout.Need> needs(Suite suite) {
        List<Layout.Need> needs = new ArrayList<>();
        for (Cell cell : suite.cells()) {
            Steps.Footprint f = Steps.footprint(suite.stepsFor(cell));
            needs.add(new Layout.Need(cell.ordinal(), f.files(), f.largest()));
        }
        return needs;
    }

    /**
     * What is valid but cannot be what the author meant, said before anything runs: a verify that
     * reads the media while nothing since the copy flushed the host's caches can only fail.
     */
    public static List<Problem> warnings(Suite suite) {
        if (!Targets.readsMedia(suite.target())) {
            return List.of();
        }
        Map<Location, Problem> warnings = new LinkedHashMap<>();
        for (Cell cell : suite.cells()) {
            Step unflushed = null;
            for (Step step : suite.stepsFor(cell)) {
                switch (step.kind()) {
                    case "copy" -> {
                        Tool tool = Tools.named(step.options().text("tool")).orElseThrow();
                        boolean onMedia = tool.leaves(step.options()) == Leaves.DATA;
                        unflushed = onMedia && !tool.flushes(step.options()) ? step : null;
                    }
                    case "sync", "fsync", "unmount", "eject", "reboot" -> unflushed = null;
                    case "verify" -> {
                        if (unflushed != null && !step.options().text("oracle").equals("durable")) {
                            warnings.putIfAbsent(step.at(), new Problem(step.at(), "nothing between the copy at line " + unflushed.at().line()
                                    + " and this verify flushes the host's caches, and on " + Targets.named(suite.target())
                                    + " verify reads the media itself: what the host still holds in its page cache (or the device in its"
                                    + " write cache) reads as missing, so the cell can only fail; add '- sync' (or unmount, eject) before it"));
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        return List.copyOf(warnings.values());
    }

    /** Copies need generated sources; verify and corrupt need something copied; files stay within what was generated. */
    private static void checkOrder(Suite suite, List<Problem> problems) {
        for (Cell cell : suite.cells()) {
            boolean generated = false;
            boolean copied = false;
            long size = 0;
            long files = 0;
            for (Step step : suite.stepsFor(cell)) {
                switch (step.kind()) {
                    case "generate" -> {
                        generated = true;
                        size = step.options().size("size");
                        Steps.Generation generation = Steps.Generation.of(step.options());
                        files = generation.files();
                        if (size < 1) {
                            problems.add(new Problem(step.options().value("size").at(), "size must be at least 1 byte: a file of nothing verifies nothing"));
                        }
                        checkNames(suite, step, generation, problems);
                        if (files < 1 || files >= CellContext.FILES_PER_CELL) {
                            problems.add(new Problem(step.options().find("files").orElse(step.options().value("names")).at(),
                                    "files must be 1 to " + (CellContext.FILES_PER_CELL - 1) + "; found " + files));
                        }
                    }
                    case "copy" -> {
                        if (!generated) {
                            problems.add(new Problem(step.at(), "'copy' has nothing to copy: put a 'generate' step before it"));
                        }
                        copied = true;
                    }
                    case "verify" -> {
                        if (!copied) {
                            problems.add(new Problem(step.at(), "'" + step.kind() + "' comes before any 'copy': there is nothing on the target yet"));
                        }
                    }
                    case "fsync" -> {
                        if (!copied) {
                            problems.add(new Problem(step.at(), "'fsync' comes before any 'copy': there is nothing on the target yet"));
                        } else if (step.options().count("file") < 1 || step.options().count("file") > files) {
                            problems.add(new Problem(step.options().value("file").at(), "fsync: file " + step.options().text("file")
                                    + " does not exist; the cell has files 1 to " + files));
                        }
                    }
                    case "fault" -> {
                        var from = step.options().find("from-lba");
                        var to = step.options().find("to-lba");
                        if (from.isPresent() && to.isPresent() && Key.count(from.get().text()) >= Key.count(to.get().text())) {
                            problems.add(new Problem(to.get().at(), "fault: to-lba " + to.get().text() + " must be above from-lba "
                                    + from.get().text() + "; the range would be empty and the fault would never fire"));
                        }
                    }
                    case "corrupt" -> {
                        if (!copied) {
                            problems.add(new Problem(step.at(), "'corrupt' comes before any 'copy': there is nothing on the target yet"));
                        } else if (step.options().size("offset") + step.options().size("length") > size || step.options().count("file") > files
                                || step.options().count("file") < 1) {
                            problems.add(new Problem(step.at(), "corrupt: " + step.options().text("length") + " at " + step.options().text("offset")
                                    + " of file " + step.options().text("file") +  " lies outside the generated files (" + files + " of " + Size.grouped(size) + " bytes each)"));
                        }
                    }
                    default -> {
                    }
                }
            }
        }
    }

    /** A name set must be readable, alone (not with 'files'), and for a file system: raw placements have no names. */
    private static void checkNames(Suite suite, Step step, Steps.Generation generation, List<Problem> problems) {
        if (!generation.named()) {
            return;
        }
        Location at = step.options().value("names").at();
        generation.nameProblems().forEach(p -> problems.add(new Problem(at, "names: " + p)));
        step.options().find("files").ifPresent(v -> problems.add(new Problem(v.at(),
                "'files' and 'names' both say how many files there are; with a name set there is one file per name, so remove 'files'")));
        if (Targets.raw(suite.target())) {
            problems.add(new Problem(at, "names need a file system, and " + Targets.named(suite.target()) + " places files raw at device offsets; use the emulated or a directory target"));
        }
    }

    /** Tools that need a file system cannot write to a raw target; an alignment offset means nothing on a file system. */
    private static void checkToolsFitTarget(Suite suite, List<Problem> problems) {
        if (!Targets.raw(suite.target())) {
            for (Cell cell : suite.cells()) {
                suite.stepsFor(cell).stream().filter(s -> s.kind().equals("copy") && s.options().size("offset") != 0).findFirst().ifPresent(s ->
                        problems.add(new Problem(s.options().value("offset").at(), "offset places files raw on a device; on a '"
                                + suite.target().text("kind") + "' target the file system decides where they lie; use an image target, or remove offset")));
            }
            return;
        }
        for (Cell cell : suite.cells()) {
            for (Step step : suite.stepsFor(cell)) {
                if (step.kind().equals("copy")) {
                    Tools.named(step.options().text("tool")).filter(t -> !t.writesRaw()).ifPresent(t ->
                            problems.add(new Problem(step.options().value("tool").at(), "tool '" + t.name()
                                    + "' copies through a file system and cannot write to " + Targets.named(suite.target()) + "; use dd, or a directory target")));
                }
            }
        }
    }

    /** Lifecycle steps and faults need a target that can do them. */
    private static void checkAbilities(Suite suite, List<Problem> problems) {
        String kind = suite.target().text("kind");
        for (var step : suite.steps()) {
            Steps.ability(step.kind()).filter(ability -> !Targets.can(kind, ability)).ifPresent(ability ->
                    problems.add(new Problem(step.at(), "step '" + step.kind() + "' needs a target that can do it; a '" + kind
                            + "' target cannot (" + ability.getSimpleName() + "); use the emulated target, or remove the step")));
            String boundary = Targets.boundaryProblem(suite.target(), step.kind());
            if (boundary != null) {
                problems.add(new Problem(step.at(), boundary));
            }
            if (step.kind().equals("fsync") && Targets.raw(suite.target())) {
                problems.add(new Problem(step.at(), "step 'fsync' needs a file system; " + Targets.named(suite.target()) + " has none"));
            }
        }
    }

    /** A verify that must read through the file system (a tool's own data, compressed data) needs the volume mounted. */
    private static void checkFileSystemReads(Suite suite, List<Problem> problems) {
        for (Cell cell : suite.cells()) {
            String reason = null;
            String unmountedBy = null;
            boolean named = false;
            for (Step step : suite.stepsFor(cell)) {
                switch (step.kind()) {
                    case "generate" -> named = Steps.Generation.named(step.options());
                    case "copy" -> {
                        Tool tool = Tools.named(step.options().text("tool")).orElseThrow();
                        Leaves leaves = tool.leaves(step.options());
                        reason = leaves.throughFileSystem() ? tool.name() + " leaves " + leaves.help()
                                : named ? "the files are named from a name set, and only the file system can list the names" : null;
                    }
                    case "unmount", "eject" -> unmountedBy = step.kind();
                    case "mount", "reboot", "power-cut" -> unmountedBy = null;
                    case "verify" -> {
                        if (reason != null && unmountedBy != null) {
                            problems.add(new Problem(step.at(), "this verify comes after '" + unmountedBy + "', but in cell " + cell.name() + " "
                                    + reason + "; add '- mount' before it"));
                        }
                    }
                    default -> {
                    }
                }
            }
        }
    }

    private static void checkTargetPath(Suite suite, List<Problem> problems) {
        String problem = Targets.pathProblem(suite.target());
        if (problem != null) {
            problems.add(new Problem(suite.target().value("path").at(), problem));
        }
        String readBack = Targets.readBackProblem(suite.target());
        if (readBack != null) {
            problems.add(new Problem(suite.target().value("read-back").at(), readBack));
        }
    }

    private static void checkCapacity(Suite suite, List<Problem> problems) {
        String problem = Targets.capacityProblem(suite.target(), needs(suite));
        if (problem != null) {
            problems.add(new Problem(suite.target().find("size").orElse(suite.target().value("kind")).at(), problem));
        }
    }
}
