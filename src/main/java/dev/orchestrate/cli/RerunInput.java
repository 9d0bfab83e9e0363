package dev.orchestrate.cli;

import dev.orchestrate.engine.CellFilter;
import dev.orchestrate.results.Rerun;
import dev.orchestrate.results.Runs;
import dev.orchestrate.suite.Suite;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code --rerun-failed RUN} for {@code run} and {@code list}: the selection narrowed to the cells
 * that failed or broke in RUN, or why there is nothing to select.
 *
 * @param filter the narrowed selection; empty when the command stops here with {@code exit}
 * @param rerun the earlier run's failed cells, when it could be read
 */
record RerunInput(Optional<CellFilter> filter, int exit, Optional<Rerun> rerun) {

    /**
     * What {@code run} and {@code list} select: {@code filter}, checked against the suite (a filter naming what the suite
     * lacks is bad input, said on {@code err}), narrowed by {@code rerunFailed} when it is given.
     */
    static RerunInput select(CellFilter filter, Path rerunFailed, Suite suite, PrintWriter out, PrintWriter err) {
        List<String> problems = filter.problemsWith(suite);
        if (!problems.isEmpty()) {
            problems.forEach(err::println);
            return new RerunInput(Optional.empty(), Exit.BAD_INPUT, Optional.empty());
        }
        return rerunFailed == null ? none(filter) : narrow(filter, rerunFailed, suite, out, err);
    }

    /** {@code filter} as it is, without --rerun-failed. */
    private static RerunInput none(CellFilter filter) {
        return new RerunInput(Optional.of(filter), Exit.PASSED, Optional.empty());
    }

    /**
     * {@code filter} narrowed to the cells that failed in {@code run}; a failed cell the suite no longer has is said on
     * {@code err}. A run that cannot be read or is of another suite is bad input; one where nothing failed stops with 0.
     */
    private static RerunInput narrow(CellFilter filter, Path run, Suite suite, PrintWriter out, PrintWriter err) {
        Rerun rerun;
        try {
            rerun = Rerun.of(run, suite);
        } catch (Runs.NotFound e) {
            err.println(e.getMessage());
            err.println("nothing was run and nothing was written to any device");
            return new RerunInput(Optional.empty(), Exit.BAD_INPUT, Optional.empty());
        }
        if (rerun.cells().isEmpty()) {
            out.println("--rerun-failed " + run + ": no cell of run " + rerun.run().runId() + " of " + suite.name()
                    + " failed unexpectedly or broke; nothing to run again");
            out.flush();
            return new RerunInput(Optional.empty(), Exit.PASSED, Optional.of(rerun));
        }
        rerun.gone(suite).forEach(cell -> err.println("--rerun-failed " + run + ": cell " + cell.name() + " " + cell.status()
                + " in that run, but " + suite.file() + " has no such cell any more (its matrix changed); it is not run"));
        return new RerunInput(Optional.of(filter.picking(rerun.identities())), Exit.PASSED, Optional.of(rerun));
    }

    /** ", of the 3 that failed or broke in run 00ab... (/reports/smoke/...)" for a command's first line; empty without --rerun-failed. */
    String described() {
        return rerun.map(r -> ", of the " + r.cells().size() + " that failed or broke in run " + r.run().runId() + " (" + r.run().runDir()
                + ")").orElse("");
    }
}
