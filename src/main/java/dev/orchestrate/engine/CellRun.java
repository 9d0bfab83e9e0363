package dev.orchestrate.engine;

import dev.orchestrate.diagnosis.Defect;
import dev.orchestrate.dut.CommandLogged;
import dev.orchestrate.dut.Extent;
import dev.orchestrate.dut.Placement;
import dev.orchestrate.dut.ReadBack;
import dev.orchestrate.dut.Target;
import dev.orchestrate.outcome.NotRunnable;
import dev.orchestrate.outcome.RebootPending;
import dev.orchestrate.outcome.Status;
import dev.orchestrate.process.Cancellation;
import dev.orchestrate.report.AttachmentFolder;
import dev.orchestrate.report.Entries;
import dev.orchestrate.report.Evidence;
import dev.orchestrate.step.CellContext;
import dev.orchestrate.step.CellWalk;
import dev.orchestrate.suite.Expectation;
import dev.orchestrate.suite.Suite;
import dev.orchestrate.trace.Fingerprint;
import dev.orchestrate.trace.Signature;
import dev.orchestrate.verify.DamagedRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.FileEntry;

/**
 * Runs one cell through its {@link CellWalk}: labels and parameters first, then each step as a
 * reported step, journaled when it completes; the first step that throws ends the cell. Sources are
 * always removed; a passed cell's files leave the target. A reboot that ends the process stops the
 * cell unfinished, with its files and device kept; resumed, the cell comes back after that reboot and
 * goes on with the next step. The run comes to a {@link CellOutcome}.
 */
final class CellRun implements Evidence, CellWalk.Observer {

    /** The manifest status of a cell a reboot interrupted. */
    static final String AWAITING_RESUME = "awaiting-resume";

    private final Suite suite;
    private final CellDescriptor descriptor;
    private final EngineExecutionListener listener;
    private final Progress progress;
    private final Path dir;
    private final CellContext context;
    private final CellWalk walk;
    private final Journal journal;
    private final int resumeAfter;
    private final AttachmentFolder attachments;
    private final Labels labels;
    private final long started = System.nanoTime();
    private Signature pattern;

    /**
     * @param target the target the cell runs on
     * @param resumeAfter the step (1-based) whose reboot ended the process before, or 0 for a fresh cell
     */
    CellRun(Suite suite, CellDescriptor descriptor, SuiteRun.Shared shared, Target target, int resumeAfter) {
        this.suite = suite;
        this.descriptor = descriptor;
        this.listener = shared.listener();
        this.progress = shared.progress();
        this.dir = shared.workspace().resolve("cells").resolve(descriptor.cell().slug());
        this.context = new CellContext(descriptor.cell(), shared.runId(), shared.format(), target, dir, this, shared.runners());
        this.walk = new CellWalk(context, suite.stepsFor(descriptor.cell()), dir, this);
        this.journal = shared.journal();
        this.resumeAfter = resumeAfter;
        // attachments of the run before the reboot stay; the numbers go on after theirs
        this.attachments = new AttachmentFolder(dir.resolve("attachments"));
        this.labels = shared.labels();
    }

    CellOutcome run() {
        publishIdentity();
        TestExecutionResult result;
        try {
            Files.createDirectories(dir);
            // a cell this host cannot run is skipped before a device is set up for it
            walk.unavailable().ifPresent(reason -> {
                throw new NotRunnable(reason);
            });
            CellWalk.Walked walked = Cancellation.interruptible(() -> walk.walk(CellWalk.Mode.RUN, resumeAfter));
            if (walked.pausedAt() > 0) {
                return pause(walked);
            }
            result = TestExecutionResult.successful();
        } catch (NotRunnable e) {
            result = TestExecutionResult.aborted(e);
        } catch (Throwable e) {
            result = TestExecutionResult.failed(e);
        }
        Expectations.Judged judged = Expectations.judge(suite.expectation(descriptor.cell()), tearDown(result));
        publishVerdict(judged);
        TestExecutionResult ended = judged.result();
        return new CellOutcome(ended, Optional.empty(), record(Status.of(ended).label(),
                ended.getThrowable().map(Throwable::getMessage).orElse(""), judged));
    }

    /** The defect as a label, and whether the outcome is the one the suite expects, as a tag. */
    private void publishVerdict(Expectations.Judged judged) {
        judged.defect().ifPresent(d -> listener.reportingEntryPublished(descriptor, Entries.label("defect", d.label())));
        judged.asExpected().ifPresent(as -> listener.reportingEntryPublished(descriptor,
                Entries.label("tag", as ? "as expected" : "unexpected")));
    }

    /** The reboot at a step ended the process: journaled, the cell stays as it is (no teardown) for the resume. */
    private CellOutcome pause(CellWalk.Walked walked) {
        int step = walked.pausedAt();
        journal.append(new Journal.AwaitingResume(Journal.now(), descriptor.cell().ordinal(), descriptor.cell().name(), step,
                walk.title(step)));
        RebootPending pending = new RebootPending("not finished: awaiting resume after the reboot at step " + step + " of cell "
                + descriptor.cell().name() + "; continue the run with 'orchestrate resume " + dir.getParent().getParent() + "'");
        return new CellOutcome(TestExecutionResult.aborted(pending), walked.pausedBy(), record(AWAITING_RESUME, pending.getMessage(),
                new Expectations.Judged(TestExecutionResult.aborted(pending), Optional.empty(), Optional.empty())));
    }

    /** Teardown always runs once the device was opened; when it fails, the rig broke. */
    private TestExecutionResult tearDown(TestExecutionResult result) {
        TeardownFailures failures = new TeardownFailures(descriptor.cell().name());
        failures.attempt(() -> walk.tearDown(result.getStatus() == TestExecutionResult.Status.SUCCESSFUL));
        failures.attempt(this::removeSources);
        TestExecutionResult judged = failures.judge(result);
        attachPattern();
        return judged;
    }

    /** The cell's I/O pattern from its command log, attached to the cell itself, where a reader looks first. */
    private void attachPattern() {
        Path log = dir.resolve(CommandLogged.FILE);
        if (!Files.exists(log)) {
            return;
        }
        Fingerprint print;
        try {
            print = Fingerprint.of(context.commandLog(log));
        } catch (UncheckedIOException e) {
            attachText("command log", "cannot read " + log + ": " + e.getMessage());
            return;
        }
        pattern = print.signature();
        attach("I/O pattern", "image/svg+xml", "svg", print.svg().getBytes(StandardCharsets.UTF_8));
        attachText("I/O pattern summary", print.summary());
        attachText("command log, last lines", "the whole log: " + log.toAbsolutePath() + "\n\n" + print.tail());
    }

    /** The cell as the manifest keeps it: its files where they were put and last read back, its command log, what its verify scanned. */
    private Manifest.CellRecord record(String status, String message, Expectations.Judged judged) {
        Map<String, String> axes = descriptor.cell().values();
        List<Manifest.FileRecord> files = context.copies().stream().map(copied -> {
            CellContext.Source s = copied.source();
            Placement p = copied.placement();
            Optional<ReadBack> readBack = context.lastReadBack(s.index());
            List<Extent> extents = readBack.map(ReadBack::extentMap).orElse(List.of());
            return new Manifest.FileRecord(s.file().fileId(), s.name(), s.file().size(), s.file().generation(), s.file().sparse(),
                    p.path().toAbsolutePath().toString(), p.deviceOffset(), extents,
                    readBack.map(ReadBack::blockSize).orElse(p.blockSize()));
        }).toList();
        Path logFile = dir.resolve(CommandLogged.FILE);
        String log = Files.exists(logFile) ? logFile.toAbsolutePath().toString() : "";
        Manifest.ScanRecord scan = context.scanned().map(s -> new Manifest.ScanRecord(s.mode(), s.region().start(), s.region().end(),
                s.region().blockSize(), s.region().description())).orElse(null);
        Map<String, Long> sectors = new LinkedHashMap<>();
        context.sectors().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sectors.put(e.getKey().label(), e.getValue()));
        List<DamagedRange> damaged = context.damaged();
        Manifest.Damage damage = damaged.isEmpty() ? null : new Manifest.Damage(damaged.getFirst().file(), damaged.getFirst().start(),
                damaged.getFirst().lba(), damaged.stream().mapToLong(DamagedRange::length).sum());
        return new Manifest.CellRecord(descriptor.cell().ordinal(), descriptor.cell().name(), axes, status, message,
                judged.defect().map(Defect::label).orElse(""), suite.expectation(descriptor.cell()).map(Expectation::describe).orElse(""),
                judged.asExpected().orElse(null), sectors, files, log, scan, (System.nanoTime() - started) / 1_000_000, damage, pattern,
                context.target().identity());
    }

    @Override
    public void part(Optional<String> kind, String title, CellWalk.Part body) throws Exception {
        listener.reportingEntryPublished(descriptor, Entries.stepStarted(title));
        String status = "broken";
        try {
            body.run();
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
            listener.reportingEntryPublished(descriptor, Entries.stepStopped(title, status));
        }
    }

    @Override
    public void completed(int step, String title) {
        journal.append(new Journal.StepCompleted(Journal.now(), descriptor.cell().ordinal(), descriptor.cell().name(), step, title));
    }

    @Override
    public void resumed(int step) {
        journal.append(new Journal.Resumed(Journal.now(), descriptor.cell().ordinal(), descriptor.cell().name(), step));
    }

    private void publishIdentity() {
        var cell = descriptor.cell();
        listener.reportingEntryPublished(descriptor, Entries.label("suite", suite.name()));
        listener.reportingEntryPublished(descriptor, Entries.label("target", context.target().describe()));
        // as labels for a merge and a dashboard, as tags for a person reading the report
        labels.values().forEach((key, value) -> {
            listener.reportingEntryPublished(descriptor, Entries.label(key, value));
            listener.reportingEntryPublished(descriptor, Entries.label("tag", key + "=" + value));
        });
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
        Path kept = attachments.keep(name, extension, content);
        listener.reportingEntryPublished(descriptor, Entries.attachment(name, mediaType, kept));
        // as the platform's own file entry too, so any launcher's listeners (IDEs, build tools, JUnit XML) see the evidence
        listener.fileEntryPublished(descriptor, FileEntry.from(kept, mediaType));
    }

    @Override
    public void progress(String activity, long done, long total) {
        progress.bytes(descriptor.cell().name(), activity, done, total);
    }

    private void removeSources() throws IOException {
        Path sources = dir.resolve("source");
        if (!Files.exists(sources)) {
            return;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
