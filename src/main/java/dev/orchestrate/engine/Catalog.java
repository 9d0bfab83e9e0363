package dev.orchestrate.engine;

import dev.orchestrate.dut.Layout;
import dev.orchestrate.dut.Targets;
import dev.orchestrate.host.Platform;
import dev.orchestrate.step.CellWalk;
import dev.orchestrate.step.Plan;
import dev.orchestrate.step.Steps;
import dev.orchestrate.suite.Cell;
import dev.orchestrate.suite.Location;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Problem;
import dev.orchestrate.suite.Suite;
import dev.orchestrate.suite.SuiteLoader;
import dev.orchestrate.suite.Vocabulary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The vocabulary of suites, assembled from the registries of the roles that implement it: each step
 * checks itself in {@link CellWalk#check}, the target kind its path and capacity.
 */
public final class Catalog {

    public static final Vocabulary VOCABULARY = new Vocabulary(Targets.SECTION, Targets.defaultKind(Platform.current()), Steps.SECTIONS,
            List.of(Catalog::check));

    private Catalog() {
    }

    public static SuiteLoader loader() {
        return new SuiteLoader(VOCABULARY);
    }

    /**
     * A loader for the copy of a suite a run kept: it checks the suite itself but not whether this host
     * could run it, since a run's report is read on another machine than the lab's.
     */
    public static SuiteLoader reader() {
        return new SuiteLoader(new Vocabulary(VOCABULARY.target(), VOCABULARY.defaultTarget(), VOCABULARY.steps(), List.of()));
    }

    /** What each cell needs on a raw target, in matrix order. */
    public static List<Layout.Need> needs(Suite suite) {
        return needs(suite, new ArrayList<>());
    }

    /** What each cell that runs on {@code target} needs, in matrix order: a target lays out only its own cells. */
    public static List<Layout.Need> needs(Suite suite, Options target) {
        return on(suite, target, needs(suite));
    }

    private static List<Layout.Need> on(Suite suite, Options target, List<Layout.Need> needs) {
        return needs.stream().filter(n -> suite.target(suite.cells().get(n.ordinal())).equals(target)).toList();
    }

    /** As {@link #needs(Suite)}, each cell's steps checked on the way, their problems added to {@code problems}. */
    private static List<Layout.Need> needs(Suite suite, List<Problem> problems) {
        List<Layout.Need> needs = new ArrayList<>();
        for (Cell cell : suite.cells()) {
            Plan.Footprint f = plan(suite, cell, problems).footprint();
            needs.add(new Layout.Need(cell.ordinal(), f.files(), f.largest()));
        }
        return needs;
    }

    /**
     * What is valid but cannot be what the author meant, said before anything runs: a verify that
     * reads the media while nothing since the copy flushed the host's caches can only fail.
     */
    public static List<Problem> warnings(Suite suite) {
        Map<Location, Problem> warnings = new LinkedHashMap<>();
        suite.cells().forEach(cell -> plan(suite, cell, new ArrayList<>()).warnings().forEach(w -> warnings.putIfAbsent(w.at(), w)));
        return List.copyOf(warnings.values());
    }

    private static Plan plan(Suite suite, Cell cell, List<Problem> problems) {
        return CellWalk.check(suite.target(cell), cell, suite.stepsFor(cell), problems);
    }

    /**
     * Every cell's steps, each checked after the ones before it, then whether each target the cells
     * resolve to can be used and can hold what its cells need.
     */
    private static void check(Suite suite, List<Problem> problems) {
        List<Layout.Need> needs = needs(suite, problems);
        for (Options target : suite.targets()) {
            checkTargetPath(target, problems);
            problems.addAll(Targets.keyProblems(target));
            checkCapacity(target, on(suite, target, needs), problems);
        }
    }

    private static void checkTargetPath(Options target, List<Problem> problems) {
        String problem = Targets.pathProblem(target);
        if (problem != null) {
            problems.add(new Problem(target.value("path").at(), problem));
        }
        String readBack = Targets.readBackProblem(target);
        if (readBack != null) {
            problems.add(new Problem(target.value("read-back").at(), readBack));
        }
    }

    private static void checkCapacity(Options target, List<Layout.Need> needs, List<Problem> problems) {
        String problem = Targets.capacityProblem(target, needs);
        if (problem != null) {
            problems.add(new Problem(target.find("size").orElse(target.value("kind")).at(), problem));
        }
    }
}
