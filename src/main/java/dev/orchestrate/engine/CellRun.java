package dev.orchestrate.engine;

import dev.orchestrate.outcome.NotRunnable;
import dev.orchestrate.outcome.RebootPending;
import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.outcome.Status;
import dev.orchestrate.process.Cancellation;
import dev.orchestrate.report.Entries;
import dev.orchestrate.step.Action;
import dev.orchestrate.step.CellContext;
import dev.orchestrate.report.Evidence;
import dev.orchestrate.step.Steps;
import dev.orchestrate.dut.CommandLogged;
import dev.orchestrate.dut.Resumable;
import dev.orchestrate.trace.Fingerprint;
import dev.orchestrate.suite.Step;
import dev.orchestrate.suite.Suite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestExecutionResult;

/**
 * Runs one cell: labels and parameters first, then each step as a reported step, journaled when it
 * completes; the first step that throws ends the cell. Sources are always removed; a passed cell's
 * files leave the target. A reboot that ends the process stops the cell unfinished, with its files
 * and device kept; resumed, the cell comes back after that reboot and goes on with the next step.
 */
final class CellRun implements Evidence {

    private final Suite suite;
    private final CellDescriptor descriptor;
    private final EngineExecutionListener listener;
    private final Progress progress;
    private final Path dir;
    private final CellContext context;
    private final Journal journal;
    private final int resumeAfter;
    private int pausedAt;
    private int attachments;
    /** Whether setup began: a cell skipped before it has nothing to tear down. */
    private boolean setUp;

    /** @param resumeAfter the step (1-based) whose reboot ended the process before, or 0 for a fresh cell */
    CellRun(Suite suite, CellDescriptor descriptor, SuiteRun.Shared shared, int resumeAfter) {
        this.suite = suite;
        this.descriptor = descriptor;
        this.listener = shared.listener();
        this.progress = shared.progress();
        this.dir = shared.workspace().resolve("cells").resolve(descriptor.cell().slug());
        this.context = new CellContext(descriptor.cell(), shared.runId(), shared.format(), shared.target(), dir, this);
        this.journal = shared.journal();
        this.resumeAfter = resumeAfter;
        // attachments of the run before the reboot stay; the numbers go on after theirs
        try (Stream<Path> kept = Files.exists(dir.resolve("attachments")) ? Files.list(dir.resolve("attachments")) : Stream.empty()) {
            this.attachments = (int) kept.count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the attachments in " + dir, e);
        }
    }

    /** The step (1-based) whose reboot ended the process and left the cell unfinished, or 0. */
    int pausedAt() {
        return pausedAt;
    }

    CellContext context() {
        return context;
    }

    TestExecutionResult run() {
        publishIdentity();
        List<Step> steps = suite.stepsFor(descriptor.cell());
        TestExecutionResult result;
        try {
            Files.createDirectories(dir);
            List<Action> actions = steps.stream().map(Steps::action).toList();
            // a cell this host cannot run is skipped before a device is set up for it
            for (Action action : actions) {
                action.unavailable().ifPresent(reason -> {
                    throw new NotRunnable(reason);
                });
            }
            setUp = true;
            int paused = Cancellation.interruptible(() -> walk(actions));
            if (paused > 0) {
                return pause(paused, actions.get(paused - 1));
            }
            result = TestExecutionResult.successful();
        } catch (NotRunnable e) {
            result = TestExecutionResult.aborted(e);
        } catch (Throwable e) {
            result = TestExecutionResult.failed(e);
        }
        return tearDown(result);
    }

    /**
     * Sets the device up (or brings it back after a reboot) and runs the steps, each journaled when
     * it completes; a request to stop the run ends the walk at the current step. Returns the step
     * (1-based) whose reboot ended the process, or 0 when every step ran.
     */
    private int walk(List<Action> actions) throws Exception {
        if (resumeAfter == 0) {
            Cancellation.check("before the device was set up");
            perCell(new Setup());
        } else {
            perCell(new Return());
            actions.subList(0, resumeAfter).forEach(a -> a.resume(context));
            journal.append(new Journal.Resumed(Journal.now(), descriptor.cell().ordinal(), descriptor.cell().name(), resumeAfter));
        }
        for (int i = resumeAfter; i < actions.size(); i++) {
            Action action = actions.get(i);
            Cancellation.check("before step " + (i + 1) + " (" + action.title() + ")");
            if (context.target() instanceof CommandLogged logged) {
                logged.markStep(action.title());
            }
            try {
                runStep(action);
            } catch (RebootPending e) {
                return i + 1;
            }
            journal.append(new Journal.StepCompleted(Journal.now(), descriptor.cell().ordinal(), descriptor.cell().name(), i + 1, action.title()));
        }
        return 0;
    }

    /** The reboot at {@code step} ended the process: journaled, the cell stays as it is (no teardown) for the resume. */
    private TestExecutionResult pause(int step, Action action) {
        pausedAt = step;
        journal.append(new Journal.AwaitingResume(Journal.now(), descriptor.cell().ordinal(), descriptor.cell().name(), step, action.title()));
        return TestExecutionResult.aborted(new RebootPending("not finished: awaiting resume after the reboot at step " + step + " of cell "
                + descriptor.cell().name() + "; continue the run with 'orchestrate resume " + dir.getParent().getParent() + "'"));
    }

    /** Teardown always runs once setup began; when it fails, the rig broke. */
    private TestExecutionResult tearDown(TestExecutionResult result) {
        if (!setUp) {
            return result;
        }
        try {
            perCell(new Teardown(result.getStatus() == TestExecutionResult.Status.SUCCESSFUL));
            removeSources();
            return result;
        } catch (Exception e) {
            RigBroken broken = e instanceof RigBroken rb ? rb : new RigBroken("teardown of " + descriptor.cell().name() + " failed: " + e.getMessage(), e);
            // a data-loss finding stands, unless the rig's own failure makes it suspect
            if (Status.of(result) == Status.FAILED && !broken.taintsVerdict()) {
                result.getThrowable().orElseThrow().addSuppressed(broken);
                return result;
            }
            result.getThrowable().ifPresent(broken::addSuppressed);
            return Status.of(result) == Status.BROKEN ? result : TestExecutionResult.failed(broken);
        } finally {
            attachPattern();
        }
    }

    /** The cell's I/O pattern from its command log, attached to the cell itself, where a reader looks first. */
    private void attachPattern() {
        Path log = dir.resolve(CommandLogged.FILE);
        if (!(context.target() instanceof CommandLogged) || !Files.exists(log)) {
            return;
        }
        Fingerprint print;
        try {
            print = Fingerprint.of(log);
        } catch (UncheckedIOException e) {
            attachText("command log", "cannot read " + log + ": " + e.getMessage());
            return;
        }
        attach("I/O pattern", "image/svg+xml", "svg", print.svg().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        attachText("I/O pattern summary", print.summary());
        attachText("command log, last lines", "the whole log: " + log.toAbsolutePath() + "\n\n" + print.tail());
    }

    /** Setting the target up for the cell is a step of its own, so its time shows in the report. */
    private final class Setup implements Action {
        @Override
        public String title() {
            return "set up " + context.target().describe();
        }

        @Override
        public void run(CellContext cell) {
            cell.target().beforeCell(descriptor.cell(), dir, CellRun.this);
        }
    }

    /** After a reboot that ended the process before, the cell's device comes back, mounted, as the reboot left it. */
    private final class Return implements Action {
        @Override
        public String title() {
            return "resumed after the reboot at step " + resumeAfter + ": bring the device back and mount it";
        }

        @Override
        public void run(CellContext cell) {
            ((Resumable) cell.target()).resumeCell(descriptor.cell(), dir, CellRun.this);
        }
    }

    /** Tearing the target down is a step too; the target attaches its records of the cell (the command log) here. */
    private final class Teardown implements Action {
        private final boolean passed;

        Teardown(boolean passed) {
            this.passed = passed;
        }

        @Override
        public String title() {
            return "tear down the target" + (passed ? "" : " (the cell's files stay as evidence)");
        }

        @Override
        public void run(CellContext cell) {
            cell.target().afterCell(descriptor.cell(), cell.placements(), passed, CellRun.this);
        }
    }

    /** Setup and teardown are reported steps only where they do something worth timing. */
    private void perCell(Action action) throws Exception {
        if (context.target().perCell()) {
            runStep(action);
        } else {
            action.run(context);
        }
    }

    private void runStep(Action action) throws Exception {
        listener.reportingEntryPublished(descriptor, Entries.stepStarted(action.title()));
        String status = "broken";
        try {
            action.run(context);
            status = "passed";
        } catch (AssertionError e) {
            status = "failed";
            throw e;
        } catch (NotRunnable e) {
            status = "skipped";
            throw e;
        } catch (RebootPending e) {
            // the shutdown half of the reboot is done; the resume reports the rest
            status = "passed";
            throw e;
        } finally {
            listener.reportingEntryPublished(descriptor, Entries.stepStopped(action.title(), status));
        }
    }

    private void publishIdentity() {
        var cell = descriptor.cell();
        listener.reportingEntryPublished(descriptor, Entries.label("suite", suite.name()));
        listener.reportingEntryPublished(descriptor, Entries.label("target", context.target().describe()));
        cell.axes().forEach((axis, value) -> {
            if (axis.equals("tool") || axis.equals("size")) {
                listener.reportingEntryPublished(descriptor, Entries.label(axis, value.text()));
            }
            listener.reportingEntryPublished(descriptor, Entries.parameter(axis, value.text()));
        });
        if (cell.axes().containsKey("tool")) {
            listener.reportingEntryPublished(descriptor, Entries.label("subSuite", "tool " + cell.axis("tool")));
        }
        String description = (suite.description().isBlank() ? "" : suite.description().strip() + "\n\n")
                + "Target: " + context.target().describe() + "\n\nSuite: " + suite.file() + ", cell " + cell.ordinal() + " of the matrix.";
        listener.reportingEntryPublished(descriptor, Entries.description(description));
    }

    @Override
    public void attach(String name, String mediaType, String extension, byte[] content) {
        try {
            Path folder = Files.createDirectories(dir.resolve("attachments"));
            // the name may hold a file name of up to 255 bytes: the number keeps it unique, the cut keeps it a legal file name
            String slug = name.replaceAll("[^A-Za-z0-9._-]+", "_");
            String file = String.format(Locale.ROOT, "%02d-%s.%s", ++attachments, slug.substring(0, Math.min(slug.length(), 80)), extension);
            Path path = Files.write(folder.resolve(file), content);
            listener.reportingEntryPublished(descriptor, Entries.attachment(name, mediaType, path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep attachment " + name, e);
        }
    }

    @Override
    public void progress(String activity, long done, long total) {
        progress.bytes(descriptor.cell().name(), activity, done, total);
    }

    private void removeSources() {
        Path sources = dir.resolve("source");
        if (!Files.exists(sources)) {
            return;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the sources in " + sources, e);
        }
    }
}
