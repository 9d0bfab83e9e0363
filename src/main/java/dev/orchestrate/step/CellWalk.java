package dev.orchestrate.step;

import dev.orchestrate.dut.Resumable;
import dev.orchestrate.dut.Resumable.Boundary;
import dev.orchestrate.dut.Target;
import dev.orchestrate.dut.TargetKind;
import dev.orchestrate.dut.Targets;
import dev.orchestrate.outcome.RebootPending;
import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.process.Cancellation;
import dev.orchestrate.process.Command;
import dev.orchestrate.suite.Cell;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Problem;
import dev.orchestrate.suite.Step;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The one walk of a cell's steps, for every way of going through a cell. Check: no device; each step
 * says what is wrong with it after the ones before ({@link #check}). Dry run: the device is opened
 * through runners that print every change, and each step moves the cell on, printing the commands
 * that would change a device. Run: the device is set up and each step runs. Resume: the device comes
 * back after the boundary that ended the process before, the steps up to it restore what they left,
 * and the rest run.
 */
public final class CellWalk {

    /** How the title of the part that sets a cell's device up begins (bench suite tells it from the steps by it). */
    public static final String SET_UP = "set up ";

    public enum Mode {
        DRY_RUN,
        RUN
    }

    /** What is done around the walk: reporting each part of it, journaling each step. */
    public interface Observer {

        /** Runs {@code body}, a reported part of the walk: a step ({@code kind} names it), or the device's setup or teardown. */
        void part(Optional<String> kind, String title, Part body) throws Exception;

        /** Step {@code step} (1-based) completed. */
        default void completed(int step, String title) {
        }

        /** The steps up to {@code step} were restored after the boundary that ended the process. */
        default void resumed(int step) {
        }

        /** Dry run: the step cannot run on this host; it is walked past. */
        default void unavailable(String reason) {
        }

        /** Dry run: here the run would stop and take the host down with {@code command}. */
        default void wouldHandOver(Command command) {
        }
    }

    /** A part of the walk. */
    @FunctionalInterface
    public interface Part {
        void run() throws Exception;
    }

    /**
     * How the walk ended: every step ran, or a boundary ended the process at step {@code pausedAt}.
     *
     * @param pausedAt the step (1-based) whose reboot or power cut ended the process, or 0
     */
    public record Walked(int pausedAt, Optional<Boundary> pausedBy) {

        static final Walked DONE = new Walked(0, Optional.empty());
    }

    private final CellContext context;
    private final List<Step> steps;
    private final List<Action> actions;
    private final Observer observer;
    private final Path dir;

    /** @param dir the cell's own directory, where its device keeps what it records */
    public CellWalk(CellContext context, List<Step> steps, Path dir, Observer observer) {
        this.context = context;
        this.steps = List.copyOf(steps);
        this.actions = steps.stream().map(Steps::action).toList();
        this.observer = observer;
        this.dir = dir;
    }

    /**
     * Check mode: what is wrong with a cell's steps on the target {@code target} names, added to
     * {@code problems}; the plan they leave says what the cell's files take.
     */
    public static Plan check(Options target, Cell cell, List<Step> steps, List<Problem> problems) {
        Plan plan = new Plan(target, cell, problems);
        TargetKind kind = Targets.kind(target);
        for (Step step : steps) {
            StepKind stepKind = Steps.kind(step.kind());
            stepKind.needs().filter(ability -> !kind.abilities().contains(ability)).ifPresent(ability ->
                    plan.problem(step.at(), "step '" + step.kind() + "' needs a target that can do it; a '" + kind.name()
                            + "' target cannot (" + ability.label() + "); use the emulated target, or remove the step"));
            String boundary = Targets.boundaryProblem(target, step.kind());
            if (boundary != null) {
                plan.problem(step.at(), boundary);
            }
            stepKind.action().apply(step.options()).check(step, plan);
        }
        return plan;
    }

    /** Why this host cannot run a step of the cell, checked before a device is set up for it. */
    public Optional<String> unavailable() {
        return actions.stream().map(Action::unavailable).flatMap(Optional::stream).findFirst();
    }

    /**
     * Opens the device (or, with {@code resumeAfter} above 0, brings it back after the boundary at
     * that step) and walks the steps in {@code mode}; a request to stop the run ends the walk at the
     * current step.
     */
    public Walked walk(Mode mode, int resumeAfter) throws Exception {
        Target target = context.target();
        if (resumeAfter == 0) {
            Cancellation.check("before the device was set up");
            device(SET_UP + target.describe(), () -> context.opened(target.open(context.cell(), dir, context.evidence())));
        } else {
            Resumable resumable = target.resumable().orElseThrow(() -> new RigBroken(target.describe() + " cannot be resumed"));
            device("resumed after the reboot at step " + resumeAfter + ": bring the device back and mount it",
                    () -> context.opened(resumable.reopen(context.cell(), dir, context.evidence())));
            for (int i = 0; i < resumeAfter; i++) {
                actions.get(i).resume(context);
                context.stepped(actions.get(i).hostSteps(i + 1, context));
            }
            observer.resumed(resumeAfter);
        }
        for (int i = resumeAfter; i < actions.size(); i++) {
            Action action = actions.get(i);
            Cancellation.check("before step " + (i + 1) + " (" + action.title() + ")");
            context.device().commandLogged().ifPresent(log -> log.markStep(action.title()));
            try {
                observer.part(Optional.of(steps.get(i).kind()), action.title(), () -> step(mode, action));
            } catch (RebootPending e) {
                return new Walked(i + 1, Boundary.of(steps.get(i).kind()));
            }
            context.stepped(action.hostSteps(i + 1, context));
            if (mode == Mode.DRY_RUN) {
                handOver(steps.get(i));
            }
            observer.completed(i + 1, action.title());
        }
        return Walked.DONE;
    }

    /** The title of step {@code step} (1-based). */
    public String title(int step) {
        return actions.get(step - 1).title();
    }

    /** Closes the cell's device, if it was opened, with the cell's outcome; a passed cell's files leave the target. */
    public void tearDown(boolean passed) throws Exception {
        if (context.opened()) {
            device("tear down the target" + (passed ? "" : " (the cell's files stay as evidence)"),
                    () -> context.device().close(passed, context.placements()));
        }
    }

    private void step(Mode mode, Action action) throws Exception {
        if (mode == Mode.RUN) {
            action.run(context);
            return;
        }
        Optional<String> unavailable = action.unavailable();
        if (unavailable.isPresent()) {
            observer.unavailable(unavailable.get());
            action.resume(context);
        } else {
            action.dryRun(context);
        }
    }

    /** The host command a reboot or power cut step would take the host down with, where such a step ends the run. */
    private void handOver(Step step) {
        Resumable.Boundary.of(step.kind())
                .flatMap(b -> context.target().resumable().filter(r -> r.endsProcess(b)).flatMap(r -> r.hostCommand(b)))
                .ifPresent(observer::wouldHandOver);
    }

    /** Setting the device up and tearing it down are reported steps only where they do something worth timing. */
    private void device(String title, Part body) throws Exception {
        if (context.target().perCell()) {
            observer.part(Optional.empty(), title, body);
        } else {
            body.run();
        }
    }
}
