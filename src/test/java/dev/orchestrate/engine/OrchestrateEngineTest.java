package dev.orchestrate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.orchestrate.diagnosis.Defect;
import dev.orchestrate.outcome.DataDamaged;
import dev.orchestrate.report.Entries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

class OrchestrateEngineTest {

    /** How a failure no rule explains begins: an image keeps no command log. */
    private static final String UNEXPLAINED = Defect.UNEXPLAINED.category() + DataDamaged.SEPARATOR;

    @TempDir
    Path run;

    private EngineExecutionResults execute(DiscoverySelector selector, String only) {
        return EngineTestKit.engine(OrchestrateEngine.ID)
                .selectors(selector)
                .configurationParameter(OrchestrateEngine.RUN_DIR, run.toString())
                .configurationParameter(CellFilter.PARAMETER, only)
                .execute();
    }

    @Test
    void aPassingSuiteIsAContainerOfPassingCells() throws IOException {
        EngineExecutionResults results = execute(selectClasspathResource("suites/directory-pass.yaml"), "");
        results.testEvents().assertStatistics(s -> s.started(4).succeeded(4).failed(0));
        results.containerEvents().assertStatistics(s -> s.started(2).succeeded(2));
        Manifest manifest = Manifest.read(run.resolve(Manifest.FILE));
        assertEquals(4, manifest.cells().size());
        assertEquals(List.of("passed"), manifest.cells().stream().map(Manifest.CellRecord::status).distinct().toList());
        assertEquals(2, manifest.cells().getFirst().files().size());
        assertEquals("directory-pass", manifest.suite());
        try (Stream<Path> left = Files.walk(run.resolve("volume"))) {
            assertEquals(0, left.filter(Files::isRegularFile).count(), "passed cells leave nothing on the target");
        }
    }

    @Test
    void cellsPointAtTheirLineInTheSuite() {
        Event started = execute(selectClasspathResource("suites/directory-pass.yaml"), "tool=dd,size=1MiB")
                .testEvents().started().list().getFirst();
        ClasspathResourceSource source = assertInstanceOf(ClasspathResourceSource.class,
                started.getTestDescriptor().getSource().orElseThrow());
        assertEquals(6, source.getPosition().orElseThrow().getLine());
        assertEquals("tool=dd size=1MiB", started.getTestDescriptor().getDisplayName());
        assertTrue(started.getTestDescriptor().getUniqueId().toString().endsWith("[suite:directory-pass]/[cell:tool=dd size=1MiB]"));
    }

    /** Any launcher's listeners see the evidence: each attachment is also one of the platform's file entries. */
    @Test
    void attachmentsArePublishedAsFileEntriesToo() {
        List<FileEntry> files = execute(selectClasspathResource("suites/directory-pass.yaml"), "tool=cp,size=4KiB")
                .allEvents().fileEntryPublished().stream().map(e -> e.getPayload(FileEntry.class).orElseThrow()).toList();
        assertEquals(3, files.size(), files.toString());
        assertTrue(files.stream().allMatch(f -> Files.isRegularFile(f.getPath()) && f.getMediaType().isPresent()), files.toString());
        assertTrue(files.stream().anyMatch(f -> f.getPath().getFileName().toString().contains("verdict")), files.toString());
    }

    @Test
    void stepsLabelsParametersAndAttachmentsArePublished() {
        List<Map<String, String>> entries = execute(selectClasspathResource("suites/directory-pass.yaml"), "tool=cp,size=4KiB")
                .allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs()).toList();
        assertTrue(entries.contains(Map.of(Entries.LABEL, "suite", Entries.VALUE, "directory-pass")));
        assertTrue(entries.contains(Map.of(Entries.LABEL, "tool", Entries.VALUE, "cp")));
        assertTrue(entries.contains(Map.of(Entries.PARAMETER, "size", Entries.VALUE, "4KiB")));
        List<String> steps = entries.stream().filter(e -> "stop".equals(e.get(Entries.EVENT)))
                .map(e -> e.get(Entries.STEP) + ":" + e.get(Entries.STATUS)).toList();
        assertEquals(List.of("generate 2 files of 4KiB, generation 1:passed", "copy with cp:passed", "sync:passed", "verify:passed"),
                steps);
        List<String> attachments = entries.stream().filter(e -> e.containsKey(Entries.ATTACHMENT))
                .map(e -> e.get(Entries.ATTACHMENT)).toList();
        assertEquals(List.of("cp commands and output", "sync output", "verdict"), attachments);
        assertTrue(entries.stream().filter(e -> e.containsKey(Entries.PATH))
                .allMatch(e -> Files.isRegularFile(Path.of(e.get(Entries.PATH)))));
    }

    @Test
    void exactlyTheDamagedCellsFailNamingOffsetAndFinding() throws IOException {
        EngineExecutionResults results = execute(selectClasspathResource("suites/image-corrupt.yaml"), "");
        results.testEvents().assertStatistics(s -> s.started(4).succeeded(1).failed(3));
        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("damage=zeros"), finishedWithFailure(instanceOf(DataDamaged.class),
                        message(m -> m.startsWith(UNEXPLAINED + "first bad byte at offset 8,192 of file-1.bin (LBA 2,064): found zeros,"
                                + " expected file-1.bin offset 8,192 generation 1; 1 damaged range, 1,024 bytes")))))
                .haveExactly(1, event(test("damage=random"), finishedWithFailure(message(m -> m.contains("found foreign data")))))
                .haveExactly(1, event(test("damage=flip"),
                        finishedWithFailure(message(m -> m.contains("found damaged sector: 1 bytes differ, first at byte 100")))));
        Manifest manifest = Manifest.read(run.resolve(Manifest.FILE));
        assertEquals(List.of("passed", "failed", "failed", "failed"), manifest.cells().stream().map(Manifest.CellRecord::status).toList());
        assertEquals(1L << 20, manifest.cells().get(1).files().getFirst().deviceOffset());
        assertTrue(Files.isRegularFile(run.resolve("target.img")));
    }

    @Test
    void anAlignmentOffsetMovesTheFilesAndVerifyAndCorruptFollowThem() throws IOException {
        EngineExecutionResults results = execute(selectClasspathResource("suites/image-offset.yaml"), "");
        results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        // cell 1's slot starts at 1 MiB; 2,560 bytes on, byte 8,192 of the file lies at LBA (1,048,576 + 2,560 + 8,192) / 512
        results.testEvents().assertThatEvents().haveExactly(1, event(test("damage=zeros"), finishedWithFailure(
                message(m -> m.startsWith(UNEXPLAINED + "first bad byte at offset 8,192 of file-1.bin (LBA 2,069): found zeros")))));
        assertEquals((1L << 20) + 2560, Manifest.read(run.resolve(Manifest.FILE)).cells().get(1).files().getFirst().deviceOffset());
    }

    @Test
    void anInvalidSuiteIsACriticalDiscoveryIssueAndNothingRuns() {
        Path suite = Path.of("src/test/resources/invalid/misspelt.yaml");
        EngineExecutionResults results = execute(selectFile(suite.toFile()), "");
        results.testEvents().assertStatistics(s -> s.started(0));
        results.containerEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(
                message(m -> m.contains("misspelt.yaml:8:7: unknown key 'szie' in generate; did you mean 'size'?")))));
        assertTrue(Files.notExists(run.resolve(Manifest.FILE)));
    }

    @Test
    void aDirectorySelectorFindsEveryValidSuite() {
        EngineExecutionResults results = EngineTestKit.engine(OrchestrateEngine.ID)
                .selectors(selectDirectory("src/test/resources/suites"))
                .configurationParameter(OrchestrateEngine.RUN_DIR, run.toString())
                .configurationParameter(CellFilter.PARAMETER, "")
                .execute();
        assertEquals(6, results.containerEvents().started().list().size(), "the engine and five suites");
        assertTrue(Files.isRegularFile(run.resolve("image-corrupt").resolve(Manifest.FILE)), "several suites get a directory each");
        FileSource source = assertInstanceOf(FileSource.class,
                results.containerEvents().started().list().get(1).getTestDescriptor().getSource().orElseThrow());
        assertTrue(source.getFile().getName().endsWith(".yaml"));
        assertEquals(0, results.allEvents().filter(e -> e.getType() == EventType.SKIPPED).count());
    }

    @Test
    void aSecondSuiteOfTheSameNameIsADiscoveryErrorAndIsLeftOut(@TempDir Path suites) throws IOException {
        Path first = Files.copy(Path.of("src/test/resources/suites/directory-pass.yaml"), suites.resolve("a.yaml"));
        Files.copy(first, suites.resolve("b.yaml"));
        EngineDiscoveryResults results = EngineTestKit.engine(OrchestrateEngine.ID).selectors(selectDirectory(suites.toFile())).discover();
        assertEquals(1, results.getEngineDescriptor().getChildren().size());
        assertEquals(1, results.getDiscoveryIssues().size());
        DiscoveryIssue issue = results.getDiscoveryIssues().getFirst();
        assertEquals(DiscoveryIssue.Severity.ERROR, issue.severity());
        assertTrue(issue.message().contains(first + " has the suite name 'directory-pass' already"), issue.message());
        assertTrue(issue.message().endsWith("rename one of them"), issue.message());
        assertEquals(suites.resolve("b.yaml").toFile(), assertInstanceOf(FileSource.class, issue.source().orElseThrow()).getFile());
    }

    @Test
    void aRunIdThatIsNotHexFailsDiscoveryNamingTheParameter() {
        JUnitException failed = assertThrows(JUnitException.class, () -> EngineTestKit.engine(OrchestrateEngine.ID)
                .selectors(selectClasspathResource("suites/directory-pass.yaml"))
                .configurationParameter(OrchestrateEngine.RUN_ID, "run-1").discover());
        assertEquals("orchestrate.run.id 'run-1' is not a hex number of up to 16 digits, e.g. 1f2e3d4c5b6a7988",
                failed.getCause().getMessage());
    }
}
