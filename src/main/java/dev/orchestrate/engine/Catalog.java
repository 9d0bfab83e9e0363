package dev.orchestrate.engine;

import dev.orchestrate.dut.Layout;
import dev.orchestrate.dut.Targets;
import dev.orchestrate.host.Platform;
import dev.orchestrate.step.CellWalk;
import dev.orchestrate.step.Plan;
import dev.orchestrate.step.Steps;
import dev.orchestrate.suite.Cell;
import dev.orchestrate.suite.Location;
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
        return CellWalk.check(suite.target(), cell, suite.stepsFor(cell), problems);
    }

    /** Every cell's steps, each checked after the ones before it, then whether the target can be used and can hold what they need. */
    private static void check(Suite suite, List<Problem> problems) {
        List<Layout.Need> needs = needs(suite, problems);
        checkTargetPath(suite, problems);
        problems.addAll(Targets.keyProblems(suite.target()));
        checkCapacity(suite, needs, problems);
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

    private static void checkCapacity(Suite suite, List<Layout.Need> needs, List<Problem> problems) {
        String problem = Targets.capacityProblem(suite.target(), needs);
        if (problem != null) {
            problems.add(new Problem(suite.target().find("size").orElse(suite.target().value("kind")).at(), problem));
        }
    }
}
