package dev.orchestrate.dut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import dev.orchestrate.Installed;
import dev.orchestrate.LeftBehind;
import dev.orchestrate.Privileged;
import dev.orchestrate.SuiteResults;
import dev.orchestrate.cli.Main;
import dev.orchestrate.diagnosis.Defect;
import dev.orchestrate.engine.CellFilter;
import dev.orchestrate.engine.Manifest;
import dev.orchestrate.engine.OrchestrateEngine;
import dev.orchestrate.host.BlockTrace;
import dev.orchestrate.outcome.DataDamaged;
import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.outcome.Status;
import dev.orchestrate.trace.Op;
import dev.orchestrate.trace.Record;
import dev.orchestrate.trace.TraceReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Every fault of the emulated controller is caught by the verdict, next to a fault-free control
 * cell that passes, through real tools, a real file system, a loop device and FUSE.
 */
@Privileged
class EmulatedTargetTest {

    @TempDir
    Path run;

    private Map<String, TestExecutionResult> execute(String suite) {
        return SuiteResults.execute("emulated/" + suite + ".yaml", run);
    }

    private static String message(TestExecutionResult r) {
        return SuiteResults.message(r);
    }

    /** The defect a failed cell names, or null when it did not fail with one. */
    private static Defect defect(TestExecutionResult r) {
        return r.getThrowable().filter(DataDamaged.class::isInstance).map(t -> ((DataDamaged) t).defect()).orElse(null);
    }

    /** The verdict a failed cell's message gives after its defect's category. */
    private static String detail(TestExecutionResult r) {
        return r.getThrowable().filter(DataDamaged.class::isInstance).map(t -> ((DataDamaged) t).detail()).orElse("");
    }

    /** What a lost tail is diagnosed as: which of them the evidence supports depends on the lengths the writes came in. */
    private static final Set<Defect> LOST_TAIL = Set.of(Defect.TRANSFER_LENGTH, Defect.TORN_WRITE, Defect.TORN_OR_TRANSFER_LENGTH);

    @AfterEach
    void nothingIsLeftBehind() throws IOException {
        LeftBehind.assertNone(ProcessHandle.current().pid(), "the cells' teardown");
    }

    @Test
    void ignoredFlushesLoseDataAtAPowerCutAndTheControlKeepsIt() {
        Map<String, TestExecutionResult> results = execute("power-loss");
        assertEquals(Status.PASSED, Status.of(results.get("fault=none")), message(results.get("fault=none")));
        TestExecutionResult lost = results.get("fault=ignore-flush");
        assertEquals(Status.FAILED, Status.of(lost));
        assertTrue(detail(lost).startsWith("first bad byte at offset 0 of file-1.bin"), message(lost));
        // the file's blocks were never destaged; whether its metadata survived the cut decides which
        assertTrue(message(lost).contains("found zeros") || message(lost).contains("found nothing: the file is absent from the volume"),
                message(lost));
        assertEquals(Defect.FLUSH_DROPPED, defect(lost), message(lost));
        assertTrue(detail(lost).contains("flushes were acknowledged after it, before the power cut"), message(lost));
    }

    @Test
    void exactlyTheCellsWithWritesOverTheLimitFail() throws IOException {
        Map<String, TestExecutionResult> results = execute("transfer-limit");
        Manifest manifest = Manifest.read(run.resolve(Manifest.FILE));
        for (Manifest.CellRecord cell : manifest.cells()) {
            Path log = run.resolve("cells")
                    .resolve(String.format("%03d-", cell.ordinal()) + cell.name().replaceAll("[^A-Za-z0-9._=-]+", "_"))
                    .resolve(CommandLogged.FILE);
            List<Record> records = TraceReader.read(log).records();
            long armedAt = records.stream().filter(r -> r.op() == Op.FAULT).mapToLong(Record::seq).findFirst().orElseThrow();
            boolean overLimit = records.stream().anyMatch(r -> r.seq() > armedAt && r.op() == Op.WRITE && r.length() > 64 * 1024);
            TestExecutionResult result = results.get(cell.name());
            assertEquals(overLimit ? Status.FAILED : Status.PASSED, Status.of(result), cell.name() + ": " + message(result));
            if (overLimit) {
                assertTrue(detail(result).startsWith("first bad byte at offset 16,384 of file-1.bin"), message(result));
                assertTrue(LOST_TAIL.contains(defect(result)), message(result));
                assertTrue(detail(result).contains("start 16,384 bytes into their WRITEs"), message(result));
            }
        }
        assertEquals(Status.PASSED, Status.of(results.get("oflag=direct block-size=4KiB")), "4 KiB direct writes stay under the limit");
        assertEquals(Status.FAILED, Status.of(results.get("oflag=direct block-size=256KiB")), "256 KiB direct writes exceed the limit");
    }

    @Test
    void aPublishedMaximumTransferCutsEveryRequestTheControllerSees() throws IOException {
        TestExecutionResult result = execute("limits").get("single");
        assertEquals(Status.PASSED, Status.of(result), message(result));
        Path cell = run.resolve("cells/000-single");
        List<Record> writes = TraceReader.read(cell.resolve(CommandLogged.FILE)).records().stream()
                .filter(r -> r.op() == Op.WRITE).toList();
        assertTrue(writes.stream().allMatch(w -> w.length() <= 256 * 1024), "no write is longer than the published 256 KiB");
        assertTrue(writes.stream().filter(w -> w.length() == 256 * 1024).count() >= 16, "the 1 MiB writes arrive as 256 KiB pieces");
        try (var files = Files.list(cell.resolve("attachments"))) {
            Path published = files.filter(f -> f.getFileName().toString().contains("published_limits")).findFirst().orElseThrow();
            assertTrue(Files.readString(published).contains("IOMaximumByteCountWrite = 262144"), Files.readString(published));
        }
    }

    /**
     * The block layer's trace of the loop device and the controller's own log agree on every data
     * write, and the trace alone is enough to diagnose the fault: what a lab disk has instead of a
     * controller that logs itself.
     */
    @Test
    void theBlockTraceAgreesWithTheControllerAndDiagnosesTheTransferLimitAlone() throws IOException {
        BlockTrace.unavailable().ifPresent(why -> {
            System.err.println("SKIPPED (block trace) " + getClass().getSimpleName() + ": " + why);
            Assumptions.abort(why);
        });
        TestExecutionResult result = execute("block-trace").get("single");
        assertEquals(Status.FAILED, Status.of(result), message(result));
        assertEquals(Defect.TRANSFER_LENGTH, defect(result), message(result));
        Path cell = run.resolve("cells/000-single");
        List<String> controller = writes(cell.resolve(CommandLogged.FILE));
        List<String> traced = writes(cell.resolve(EmulatedTarget.BLOCK_TRACE));
        assertTrue(controller.size() > 12, "the copy's writes are logged: " + controller.size());
        assertEquals(controller, traced, "the same data writes, offsets and lengths in both logs");
        List<String> steps = TraceReader.read(cell.resolve(EmulatedTarget.BLOCK_TRACE)).records().stream()
                .filter(r -> r.op() == Op.STEP).map(Record::cause).toList();
        assertTrue(steps.containsAll(List.of("sync", "verify")) && steps.stream().anyMatch(s -> s.startsWith("copy")), steps.toString());

        StringWriter text = new StringWriter();
        int exit = Main.execute(new PrintWriter(text, true), new PrintWriter(text, true), "verify",
                "--manifest", run.resolve(Manifest.FILE).toString(), "--trace", cell.resolve(EmulatedTarget.BLOCK_TRACE).toString(),
                "--reports", run.resolve("offline").toString(), "--no-html");
        assertEquals(1, exit, text.toString());
        assertTrue(text.toString().contains("FAILED  single: " + Defect.TRANSFER_LENGTH.category() + " — "), text.toString());
        assertTrue(text.toString().contains("start 139,264 bytes into their WRITEs"), text.toString());
    }

    /** A log's data writes as "offset+length", sorted: the two logs see the same requests, each in its own arrival order. */
    private static List<String> writes(Path log) throws IOException {
        return TraceReader.read(log).records().stream().filter(r -> r.op() == Op.WRITE)
                .map(r -> r.offset() + "+" + r.length()).sorted().toList();
    }

    @Test
    void misdirectedTornAndRottedDataIsCaught() {
        Map<String, TestExecutionResult> results = execute("damage");
        assertEquals(Status.PASSED, Status.of(results.get("fault=none")), message(results.get("fault=none")));
        for (String fault : List.of("misdirect", "torn-write", "bit-rot")) {
            TestExecutionResult r = results.get("fault=" + fault);
            assertEquals(Status.FAILED, Status.of(r), fault + ": " + message(r));
            assertTrue(r.getThrowable().orElseThrow() instanceof DataDamaged);
        }
        assertTrue(message(results.get("fault=bit-rot")).contains("damaged sector: 1 bytes differ"), message(results.get("fault=bit-rot")));
        assertEquals(Defect.AT_REST, defect(results.get("fault=bit-rot")), message(results.get("fault=bit-rot")));
        assertTrue(detail(results.get("fault=torn-write")).startsWith("first bad byte at offset 16,384"),
                message(results.get("fault=torn-write")));
        assertTrue(Set.of(Defect.TORN_WRITE, Defect.TORN_OR_TRANSFER_LENGTH).contains(defect(results.get("fault=torn-write"))),
                message(results.get("fault=torn-write")));
        assertEquals(Defect.MISDIRECTED, defect(results.get("fault=misdirect")), message(results.get("fault=misdirect")));
        assertTrue(message(results.get("fault=misdirect")).contains("8 LBAs) after their own place, which does not hold them;"
                        + " the writes landed that far away; "
                        + "outside the files they landed at LBA "),
                "the region scan finds where the file's last sectors went: " + message(results.get("fault=misdirect")));
    }

    @Test
    void aControllerThatSkipsItsTeardownDestageLosesUnflushedDataAtEject() {
        Map<String, TestExecutionResult> results = execute("teardown");
        assertEquals(Status.PASSED, Status.of(results.get("fault=none")), message(results.get("fault=none")));
        assertEquals(Status.FAILED, Status.of(results.get("fault=no-teardown-flush")));
        assertEquals(Defect.NO_DESTAGE_AT_RELEASE, defect(results.get("fault=no-teardown-flush")),
                "no flush was sent (nobarrier), so none was dropped: " + message(results.get("fault=no-teardown-flush")));
    }

    @Test
    void ioErrorsFailTheCellAndLatencyTripsTheTimeout() {
        Map<String, TestExecutionResult> results = execute("errors");
        assertEquals(Status.PASSED, Status.of(results.get("fault=none")), message(results.get("fault=none")));
        TestExecutionResult io = results.get("fault=io-error");
        assertEquals(Status.FAILED, Status.of(io));
        assertEquals(Defect.IO_ERROR, defect(io), message(io));
        assertTrue(detail(io).contains("the device answered with I/O errors"), message(io));
        assertTrue(detail(io).contains("the first: WRITE of 65,536 bytes at LBA "), "the command the device failed: " + message(io));
        TestExecutionResult slow = results.get("fault=latency");
        assertEquals(Status.BROKEN, Status.of(slow));
        assertTrue(slow.getThrowable().orElseThrow() instanceof RigBroken);
        assertTrue(message(slow).contains("did not finish within 3 s"), message(slow));
    }

    @Test
    void everyLifecycleStepKeepsFlushedData() {
        Map<String, TestExecutionResult> results = execute("lifecycle");
        assertEquals(Status.PASSED, Status.of(results.get("single")), message(results.get("single")));
    }

    @Test
    void theWatchdogCutsAHungControllerLooseAndTheCellIsBroken() {
        TestExecutionResult hung = execute("watchdog").get("single");
        assertEquals(Status.BROKEN, Status.of(hung));
        assertEquals("the watchdog aborted the FUSE connection: a command was unanswered for more than 2 s", message(hung));
    }

    @Test
    void aFailedCellIsVerifiedAgainOfflineFromItsKeptMediaAndExtentMap() {
        execute("transfer-limit");
        Path failed = run.resolve("cells/002-oflag=none_block-size=4KiB");
        assertTrue(Files.isRegularFile(KeptMedia.stored(failed.resolve(EmulatedTarget.MEDIA))),
                "the failed cell keeps its media, compressed");
        assertFalse(Files.exists(failed.resolve(EmulatedTarget.MEDIA)), "and not the image as well");
        StringWriter text = new StringWriter();
        int exit = Main.execute(new PrintWriter(text, true), new PrintWriter(text, true), "verify",
                "--manifest", run.resolve(Manifest.FILE).toString(), "--reports", run.resolve("offline").toString(), "--no-html");
        assertEquals(1, exit, text.toString());
        assertTrue(text.toString().contains("FAILED  oflag=none block-size=4KiB: "), text.toString());
        assertTrue(text.toString().contains(" — first bad byte at offset 16,384 of file-1.bin"), text.toString());
        assertTrue(text.toString().contains("start 16,384 bytes into their WRITEs"),
                "the cell's command log is found through the manifest: " + text);
        assertTrue(text.toString().contains("SKIPPED oflag=direct block-size=4KiB: the media image"),
                "a passed cell's media is gone: " + text);
    }

    @Test
    void theDurableOracleFailsOnlyLossesAFlushHadPromised() throws IOException {
        Map<String, TestExecutionResult> results = execute("durable");
        assertEquals(Status.PASSED, Status.of(results.get("fault=none conv=none")), "lost, but never promised: reported, not failed");
        assertTrue(Files.readString(run.resolve("cells/000-fault=none_conv=none/attachments").toFile()
                        .listFiles((d, n) -> n.contains("never_promised"))[0].toPath())
                .startsWith("promised and lost: 0 ranges\n\nnever promised, lost: 1 range"));
        assertEquals(Status.PASSED, Status.of(results.get("fault=none conv=fsync")), message(results.get("fault=none conv=fsync")));
        assertEquals(Status.PASSED, Status.of(results.get("fault=ignore-flush conv=none")));
        TestExecutionResult promised = results.get("fault=ignore-flush conv=fsync");
        assertEquals(Status.FAILED, Status.of(promised), "the fsync was acknowledged, so the loss breaks a promise");
        assertEquals(Defect.FLUSH_DROPPED, defect(promised), message(promised));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ext2", "xfs", "btrfs"})
    void everyFileSystemIsVerifiedOnTheMedia(String fileSystem) throws IOException {
        Installed.assumeFileSystem("the emulated target on " + fileSystem, fileSystem);
        Path suite = Files.writeString(run.resolve(fileSystem + ".yaml"), """
                name: on-%s
                target:
                  kind: emulated
                  file-system: %s
                  size: 1GiB
                steps:
                  - generate:
                      size: 8MiB
                  - copy:
                      tool: cp
                  - sync
                  - verify
                  - eject
                  - verify
                """.formatted(fileSystem, fileSystem));
        var events = EngineTestKit.engine(OrchestrateEngine.ID)
                .selectors(selectFile(suite.toFile()))
                .configurationParameter(OrchestrateEngine.RUN_DIR, run.resolve("run-" + fileSystem).toString())
                .configurationParameter(CellFilter.PARAMETER, "")
                .execute().testEvents();
        events.assertStatistics(s -> s.started(1).succeeded(1));
    }
}
