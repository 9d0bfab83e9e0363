package dev.orchestrate.cli;

import dev.orchestrate.data.SectorFormat;
import dev.orchestrate.data.StampedFile;
import dev.orchestrate.diagnosis.HostHistory;
import dev.orchestrate.dut.EmulatedTarget;
import dev.orchestrate.dut.KeptMedia;
import dev.orchestrate.dut.ReadBack;
import dev.orchestrate.dut.Region;
import dev.orchestrate.engine.Manifest;
import dev.orchestrate.outcome.DataDamaged;
import dev.orchestrate.report.AttachmentFolder;
import dev.orchestrate.report.Evidence;
import dev.orchestrate.step.Verification;
import dev.orchestrate.suite.Cell;
import dev.orchestrate.trace.Record;
import dev.orchestrate.trace.TraceReader;
import dev.orchestrate.verify.Expected;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code orchestrate verify}: verifies a finished run again from its manifest and the media alone,
 * e.g. on the known-good host after moving the disk, and writes the same kind of report.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verifies a run again, offline, from its manifest and the media:"
                        + " every file of every cell is read where the manifest says it lies.",
                "Image targets: the image (or --image). Emulated targets: each failed cell's kept media image"
                        + " (media.img.zst, expanded for the read, or media.img), through the file's extent map.",
                "Writes reports/<suite>-verify/<timestamp>/ like a run."
                        + " Exit 0 all intact, 1 data damaged, 2 bad input, 3 nothing could be verified."})
final class VerifyCommand implements Callable<Integer> {

    @Option(names = "--manifest", required = true, paramLabel = "FILE", description = "the run's manifest.json")
    Path manifestFile;

    @Option(names = "--image", paramLabel = "FILE", description = "the device or image to read instead of the one the manifest names;"
            + " a media image stored compressed (.zst) is expanded for the read")
    Path image;

    @Option(names = "--trace", paramLabel = "FILE",
            description = "a command log of the device (JSON Lines or CSV), or the driver's own with --trace-format; malformed lines"
                    + " are errors")
    Path trace;

    @Option(names = "--trace-format", paramLabel = "FILE",
            description = "the line format of a driver's own log given with --trace (see docs/command-log.md, formats/)")
    Path traceFormat;

    @Option(names = "--scan", paramLabel = "WHERE", description = {"where else to look for the run's sectors: files (nowhere else), "
            + "region (the part of the device each cell used) "
            + "or device (all of the image); default: what the run's verify step did"})
    String scan;

    @Mixin
    ReportOutput output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Manifest manifest;
        try {
            manifest = Manifest.read(manifestFile);
        } catch (IOException e) {
            err.println(manifestFile + ": not a readable run manifest: " + e.getMessage().lines().findFirst().orElse(""));
            return Exit.BAD_INPUT;
        }
        if (scan != null && !List.of("files", "region", "device").contains(scan)) {
            err.println("--scan " + scan + ": expected files, region or device");
            return Exit.BAD_INPUT;
        }
        if (traceFormat != null && trace == null) {
            err.println("--trace-format " + traceFormat + ": give the driver's log it reads with --trace");
            return Exit.BAD_INPUT;
        }
        Optional<List<Record>> external = Optional.empty();
        if (trace != null) {
            if (!Files.isRegularFile(trace)) {
                err.println(trace + ": no such command log");
                return Exit.BAD_INPUT;
            }
            TraceInput input = TraceInput.of(traceFormat, err);
            if (input == null) {
                return Exit.BAD_INPUT;
            }
            TraceReader.Log log = input.read(trace);
            if (!log.problems().isEmpty()) {
                log.problems().forEach(err::println);
                err.println(log.problems().size() + " malformed lines in " + trace + "; nothing was verified");
                return Exit.BAD_INPUT;
            }
            external = Optional.of(log.records());
        }
        AllureLifecycle lifecycle = output.open(manifest.suite() + "-verify", "");
        Tally tally = new Tally();
        SectorFormat format = new SectorFormat(manifest.sectorSize());
        out.printf("orchestrate verify %s (run %s) from %s%n", manifest.suite(), manifest.runId(), manifestFile);
        for (Manifest.CellRecord cell : manifest.cells()) {
            if (cell.files().isEmpty()) {
                continue;
            }
            Optional<String> why = cellVerdict(manifest, cell, format, external, lifecycle, tally);
            out.println(why.orElse(""));
        }
        int exit = output.finish(manifest.suite() + " verify", Map.of("manifest", manifestFile.toAbsolutePath().toString(),
                "run id", manifest.runId(), "target", manifest.target()), tally.exitCode(), err);
        out.println(tally.summary());
        out.println("  report: " + output.where());
        out.flush();
        return exit;
    }

    /** Verifies one cell as one Allure test case; returns the console line. */
    private Optional<String> cellVerdict(Manifest manifest, Manifest.CellRecord cell, SectorFormat format, Optional<List<Record>> external,
                                         AllureLifecycle lifecycle, Tally tally) throws IOException {
        String uuid = UUID.randomUUID().toString();
        List<Parameter> parameters = new ArrayList<>();
        cell.axes().forEach((k, v) -> parameters.add(new Parameter().setName(k).setValue(v)));
        lifecycle.scheduleTestCase(new TestResult().setUuid(uuid).setName(cell.name()).setFullName(manifest.suite() + " " + cell.name())
                .setHistoryId(manifest.suite() + "/" + cell.name() + "/verify")
                .setLabels(List.of(new Label().setName("suite").setValue(manifest.suite() + " (verified offline)")))
                .setParameters(parameters)
                .setDescription("Verified offline from " + manifestFile.toAbsolutePath() + "; the run's cell ended "
                        + cell.status() + "."));
        lifecycle.startTestCase(uuid);
        String step = UUID.randomUUID().toString();
        lifecycle.startStep(step, new StepResult().setName("verify from the media"));
        Path cellDir = output.path().resolve("cells").resolve(String.format("%03d", cell.ordinal()));
        AttachmentFolder attachments = new AttachmentFolder(cellDir);
        Evidence evidence = (name, mediaType, extension, content) -> {
            lifecycle.addAttachment(name, mediaType, "." + extension, content);
            attachments.keep(name, extension, content);
        };
        Status status;
        String message;
        try (KeptMedia.Source media = keptMedia(cell, cellDir)) {
            List<Expected> expected = expected(manifest, cell, format, media);
            Optional<List<Record>> log = external.or(() -> cellLog(cell));
            // offline, the cell's steps are not known (every file counts as promised), nor is the limit the device published
            Optional<DataDamaged> failure = Verification.check(expected, region(cell, expected), format,
                    new Verification.Context(id -> fileName(manifest, cell, id), HostHistory.UNKNOWN), evidence, log, OptionalLong.empty(),
                    false, done -> { }).failure();
            status = failure.isPresent() ? Status.FAILED : Status.PASSED;
            message = failure.map(DataDamaged::getMessage).orElse("all sectors intact");
        } catch (Unverifiable e) {
            status = Status.SKIPPED;
            message = e.getMessage();
        } catch (IOException e) {
            status = Status.BROKEN;
            message = "cannot read the media: " + e.getMessage();
        }
        Status stepStatus = status;
        lifecycle.updateStep(step, s -> s.setStatus(stepStatus));
        lifecycle.stopStep(step);
        Status finalStatus = status;
        String finalMessage = message;
        lifecycle.updateTestCase(uuid, t -> t.setStatus(finalStatus).setStatusDetails(new StatusDetails().setMessage(finalMessage)));
        lifecycle.stopTestCase(uuid);
        lifecycle.writeTestCase(uuid);
        tally.count(finalStatus.value(), cell.name(), finalMessage);
        return Optional.of(Tally.line(finalStatus.value(), cell.name(), finalMessage));
    }

    /** Why a cell cannot be verified offline. */
    private static final class Unverifiable extends Exception {
        Unverifiable(String message) {
            super(message);
        }
    }

    /** {@code media}: the image the cell's mapped files are read from, null when it has none. */
    private List<Expected> expected(Manifest manifest, Manifest.CellRecord cell, SectorFormat format, KeptMedia.Source media)
            throws Unverifiable {
        long runId = Long.parseUnsignedLong(manifest.runId(), 16);
        List<Expected> expected = new ArrayList<>();
        for (Manifest.FileRecord f : cell.files()) {
            StampedFile file = new StampedFile(runId, f.id(), f.generation(), f.size(), format, f.sparse());
            expected.add(new Expected(file, f.name(), readBack(f, media)));
        }
        return expected;
    }

    /**
     * The media image an emulated cell's files are read from through their extent maps (--image, or
     * the one the cell kept), expanded into {@code scratch} when stored compressed; null for a cell whose files have no extent map.
     */
    private KeptMedia.Source keptMedia(Manifest.CellRecord cell, Path scratch) throws Unverifiable, IOException {
        if (cell.files().stream().allMatch(f -> f.extents().isEmpty())) {
            return null;
        }
        Path media = image != null ? image : manifestFile.toAbsolutePath().getParent().resolve("cells")
                .resolve(Cell.slug(cell.ordinal(), cell.name())).resolve(EmulatedTarget.MEDIA);
        return KeptMedia.open(media, scratch).orElseThrow(() -> new Unverifiable("the media image " + media + " is not there, nor its"
                + " stored form " + KeptMedia.stored(media).getFileName() + " (a passed cell's is removed); give one with --image"));
    }

    private ReadBack readBack(Manifest.FileRecord f, KeptMedia.Source media) throws Unverifiable {
        if (!f.extents().isEmpty()) {
            return ReadBack.mapped(media.path(), f.extents(), f.blockSize());
        }
        if (f.deviceOffset() >= 0) {
            return ReadBack.raw(image != null ? image : Path.of(f.path()), f.deviceOffset(), f.blockSize());
        }
        if (!Files.exists(Path.of(f.path()))) {
            throw new Unverifiable(f.path() + " is not there any more (a passed cell's files are removed from a directory target)");
        }
        return ReadBack.file(Path.of(f.path()));
    }

    /**
     * Where to look for the run's sectors outside the files: the cell's recorded region (or all of
     * the device under {@code --scan device}), on the source the files are read from.
     */
    private Region region(Manifest.CellRecord cell, List<Expected> expected) throws IOException {
        Manifest.ScanRecord recorded = cell.scan();
        String mode = scan != null ? scan : recorded == null ? "files" : recorded.mode();
        Optional<Path> source = expected.stream().map(Expected::readBack).filter(r -> !(r instanceof ReadBack.File))
                .map(ReadBack::source).findFirst();
        if (mode.equals("files") || source.isEmpty()) {
            return Region.none(mode.equals("files") ? "scan: files"
                    : "the files are read through a file system, so there is no device to scan");
        }
        int blockSize = expected.getFirst().readBack().blockSize();
        if (mode.equals("device") || recorded == null || recorded.end() <= recorded.start()) {
            return new Region(source.get(), 0, Files.size(source.get()), blockSize, "all of the device");
        }
        return new Region(source.get(), recorded.start(), recorded.end(), recorded.blockSize(), recorded.description());
    }

    /** "file-2.bin" for a file of this cell, "file-2.bin of cell tool=cp" for another cell's, as in the run's own verdicts. */
    private static String fileName(Manifest manifest, Manifest.CellRecord cell, int id) {
        for (Manifest.CellRecord c : manifest.cells()) {
            for (Manifest.FileRecord f : c.files()) {
                if (f.id() == id) {
                    return c == cell ? f.name() : f.name() + " of cell " + c.name();
                }
            }
        }
        return "file id " + id;
    }

    private static Optional<List<Record>> cellLog(Manifest.CellRecord cell) {
        if (cell.commandLog() == null || cell.commandLog().isEmpty() || !Files.exists(Path.of(cell.commandLog()))) {
            return Optional.empty();
        }
        try {
            return Optional.of(TraceReader.read(Path.of(cell.commandLog())).records());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
