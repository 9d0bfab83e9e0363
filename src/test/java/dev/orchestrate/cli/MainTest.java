package dev.orchestrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrate.engine.Catalog;
import dev.orchestrate.host.Platform;
import dev.orchestrate.suite.Cell;
import dev.orchestrate.suite.Suite;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    private static final String PASSING = "src/test/resources/suites/directory-pass.yaml";
    private static final String CORRUPT = "src/test/resources/suites/image-corrupt.yaml";
    private static final String MISSPELT = "src/test/resources/invalid/misspelt.yaml";

    @TempDir
    Path reports;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private List<JsonNode> results(String suite) throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(reports.resolve(suite).resolve("latest").resolve("allure-results"))) {
            return files.filter(f -> f.toString().endsWith("-result.json")).map(f -> {
                try {
                    return json.readTree(f.toFile());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }

    /** "orchestrate --help" lists each command with the first line of its description: a whole sentence. */
    @Test
    void everyCommandsSummaryIsAWholeSentence() {
        CommandLine cli = new CommandLine(new Main());
        cli.getSubcommands().forEach((name, command) -> {
            String summary = command.getCommandSpec().usageMessage().description()[0];
            assertTrue(summary.endsWith("."), name + ": " + summary);
        });
    }

    @Test
    void theCompletionScriptCompletesTheCommandsAndTheirOptions() throws IOException, InterruptedException {
        StringWriter text = new StringWriter();
        assertEquals(Exit.PASSED, Main.execute(new PrintWriter(text, true), new PrintWriter(text, true), "completion"));
        String script = text.toString();
        assertTrue(script.contains("complete -F _complete_orchestrate") && script.contains("--only") && script.contains("compare"),
                script.substring(0, Math.min(400, script.length())));
        Path file = Files.writeString(Files.createTempFile("orchestrate-completion", ".bash"), script);
        // the script must at least load in bash: a syntax error would break every shell that sources it
        Process bash = new ProcessBuilder("timeout", "30", "bash", "-n", file.toString()).redirectErrorStream(true).start();
        assertEquals(0, bash.waitFor(), new String(bash.getInputStream().readAllBytes()));
        Files.delete(file);
    }

    @Test
    void listShowsEveryCellAndWhyThisHostWouldSkipIt() {
        StringWriter text = new StringWriter();
        assertEquals(Exit.PASSED, Main.execute(new PrintWriter(text, true), new PrintWriter(text, true), "list",
                "suites/finder-vs-cli.yaml", "--only", "size=1MiB"));
        String listed = text.toString();
        assertTrue(listed.startsWith("finder-vs-cli (suites/finder-vs-cli.yaml): 21 of 42 cells"), listed);
        assertTrue(listed.contains("tool=cp size=1MiB") && !listed.contains("size=129MiB"), listed);
        if (Platform.current() == Platform.LINUX) {
            assertTrue(listed.lines().anyMatch(l -> l.contains("tool=finder size=1MiB") && l.contains("would skip: ")
                    && l.contains("(another platform)")), listed);
        }
        StringWriter bad = new StringWriter();
        assertEquals(Exit.BAD_INPUT, Main.execute(new PrintWriter(bad, true), new PrintWriter(bad, true), "list", "suites/smoke.yaml",
                "--only", "nosuchaxis=1"));
    }

    @Test
    void theVersionIsTheBuilds() throws IOException {
        StringWriter text = new StringWriter();
        assertEquals(0, Main.execute(new PrintWriter(text, true), new PrintWriter(text, true), "--version"));
        String pom = Files.readString(Path.of("pom.xml"));
        String version = pom.substring(pom.indexOf("<version>") + "<version>".length(), pom.indexOf("</version>"));
        assertEquals("orchestrate " + version, text.toString().strip());
    }

    @Test
    void aMisspeltOptionIsBadInputWithASuggestionNotTheWholeUsage() {
        StringWriter text = new StringWriter();
        assertEquals(Exit.BAD_INPUT, Main.execute(new PrintWriter(text, true), new PrintWriter(text, true), "run", "suites/smoke.yaml",
                "--onyl", "tool=cp"));
        assertTrue(text.toString().contains("--only"), text.toString());
        assertTrue(text.toString().contains("see 'orchestrate run --help'"), text.toString());
        assertTrue(text.toString().lines().count() <= 6, text.toString());
    }

    @Test
    void aMacDiskSuiteOnLinuxSkipsEveryCellAsMacOsOnly() {
        assumeTrue(Platform.current() == Platform.LINUX);
        assertEquals(Exit.BROKEN, run("run", "src/test/resources/lab/macos-disk.yaml", "--reports", reports.toString(), "--no-html"),
                err.toString());
        assertTrue(out.toString().contains("macos-disk: macOS only"), out.toString());
        assertTrue(out.toString().contains("no cell ran"), out.toString());
    }

    @Test
    void aPassingSuiteExitsZeroWithResultsXmlAndManifest() throws IOException {
        assertEquals(Exit.PASSED, run("run", PASSING, "--reports", reports.toString(), "--no-html"), err.toString());
        assertTrue(out.toString().contains("4 passed, 0 failed, 0 broken, 0 skipped"), out.toString());
        assertTrue(out.toString().contains("[2/4] tool=cp size=1MiB"), out.toString());
        Path latest = reports.resolve("directory-pass").resolve("latest");
        assertTrue(Files.isRegularFile(latest.resolve("manifest.json")));
        assertTrue(Files.readString(latest.resolve("junit/TEST-orchestrate.xml")).contains("tests=\"4\""));
        assertTrue(Files.isRegularFile(latest.resolve("allure-results/categories.json")));
        assertEquals(out.toString(), Files.readString(latest.resolve(ConsoleLog.FILE)), "console.log holds what the run printed");

        List<JsonNode> results = results("directory-pass");
        assertEquals(4, results.size());
        JsonNode cell = results.stream().filter(r -> r.get("name").asText().equals("tool=dd size=4KiB")).findFirst().orElseThrow();
        assertEquals("passed", cell.get("status").asText());
        String labels = cell.get("labels").toString();
        assertTrue(labels.contains("{\"name\":\"suite\",\"value\":\"directory-pass\"}"), labels);
        assertTrue(labels.contains("{\"name\":\"tool\",\"value\":\"dd\"}"), labels);
        assertTrue(cell.get("parameters").toString().contains("{\"name\":\"size\",\"value\":\"4KiB\"}"));
        JsonNode steps = cell.get("steps");
        assertEquals(List.of("generate 2 files of 4KiB, generation 1", "copy with dd", "sync", "verify"),
                steps.valueStream().map(s -> s.get("name").asText()).toList());
        assertEquals("dd commands and output", steps.get(1).get("attachments").get(0).get("name").asText());
        assertTrue(steps.get(1).get("stop").asLong() >= steps.get(1).get("start").asLong());
    }

    @Test
    void damagedCellsExitOneNamingTheFirstBadOffset() throws IOException {
        assertEquals(Exit.FAILED, run("run", CORRUPT, "--reports", reports.toString(), "--no-html"));
        String text = out.toString();
        assertTrue(text.contains("FAILED  damage=zeros: Data lost or damaged, no rule explains it — first bad byte at offset 8,192 of "
                + "file-1.bin (LBA 2,064): found zeros"), text);
        assertTrue(text.contains("1 passed, 3 failed, 0 broken, 0 skipped"), text);
        JsonNode zeros = results("image-corrupt").stream()
                .filter(r -> r.get("name").asText().equals("damage=zeros")).findFirst().orElseThrow();
        assertEquals("failed", zeros.get("status").asText());
        assertTrue(zeros.get("statusDetails").get("message").asText().contains(" — first bad byte at offset 8,192"));
        assertTrue(zeros.get("labels").toString().contains("{\"name\":\"defect\",\"value\":\"unexplained\"}"), zeros.toString());
        assertEveryFailureInExactlyOneCategory("image-corrupt");
    }

    @Test
    void failFastStopsAtTheFirstUnexpectedFailureAndSaysWhyTheRestDidNotRun() throws IOException {
        assertEquals(Exit.FAILED, run("run", CORRUPT, "--reports", reports.toString(), "--no-html", "--fail-fast"));
        String text = out.toString();
        assertTrue(text.contains("1 passed, 1 failed, 0 broken, 2 skipped"), text);
        assertTrue(text.contains("SKIPPED damage=random: not run: --fail-fast stopped the run after cell damage=zeros failed"), text);
    }

    @Test
    void aKnownFailureWithItsTicketDoesNotFailTheRun() throws IOException {
        assertEquals(Exit.PASSED, run("run", "src/test/resources/suites/expect-known.yaml", "--reports", reports.toString(), "--no-html"));
        String text = out.toString();
        assertTrue(text.contains("KNOWN   damage=zeros: As expected (DRV-1234): Data lost or damaged, no rule explains it — "), text);
        assertTrue(text.contains("1 passed, 0 failed, 1 failed as expected, 0 broken, 0 skipped"), text);
        JsonNode zeros = results("expect-known").stream()
                .filter(r -> r.get("name").asText().equals("damage=zeros")).findFirst().orElseThrow();
        assertEquals("failed", zeros.get("status").asText(), "a known failure is still a failure of the device in the report");
        assertTrue(zeros.get("labels").toString().contains("{\"name\":\"tag\",\"value\":\"as expected\"}"), zeros.toString());
        JsonNode manifest = new ObjectMapper().readTree(reports.resolve("expect-known/latest/manifest.json").toFile()).get("cells").get(1);
        assertEquals("unexplained", manifest.get("defect").asText());
        assertEquals("failed with unexplained (DRV-1234)", manifest.get("expected").asText());
        assertTrue(manifest.get("asExpected").asBoolean());
        assertEveryFailureInExactlyOneCategory("expect-known");
    }

    @Test
    void anOutcomeOtherThanTheExpectedOneFailsTheRun() throws IOException {
        assertEquals(Exit.FAILED, run("run", "src/test/resources/suites/expect-unexpected.yaml", "--reports", reports.toString(),
                "--no-html"));
        String text = out.toString();
        assertTrue(text.contains("FAILED  damage=none: Unexpected pass (fixed?): the suite expects this cell to have failed with "
                + "transfer-length"), text);
        assertTrue(text.contains("FAILED  damage=zeros: Data lost or damaged, no rule explains it — unexpected: the suite expects this "
                + "cell to pass; first bad byte"), text);
        assertTrue(text.contains("FAILED  damage=flip: Data lost or damaged, no rule explains it — unexpected: the suite expects failed "
                + "with at-rest; first bad byte"), text);
        assertTrue(text.contains("0 passed, 3 failed, 0 broken, 0 skipped"), text);
        JsonNode none = results("expect-unexpected").stream()
                .filter(r -> r.get("name").asText().equals("damage=none")).findFirst().orElseThrow();
        assertTrue(none.get("labels").toString().contains("{\"name\":\"tag\",\"value\":\"unexpected\"}"), none.toString());
        assertEveryFailureInExactlyOneCategory("expect-unexpected");
    }

    /** Allure puts a case in every category that matches it: each failed cell must match exactly one. */
    private void assertEveryFailureInExactlyOneCategory(String suite) throws IOException {
        JsonNode categories = new ObjectMapper().readTree(reports.resolve(suite).resolve("latest/allure-results/categories.json").toFile());
        for (JsonNode result : results(suite)) {
            if (!result.get("status").asText().equals("failed")) {
                continue;
            }
            String message = result.get("statusDetails").get("message").asText();
            List<String> matching = new ArrayList<>();
            categories.forEach(c -> {
                if (c.get("matchedStatuses").toString().contains("\"failed\"") && message.matches(c.get("messageRegex").asText())) {
                    matching.add(c.get("name").asText());
                }
            });
            assertEquals(1, matching.size(), message + " is in " + matching);
        }
    }

    @Test
    void aMisspeltKeyExitsTwoWithLocationAndSuggestionAndRunsNothing() {
        assertEquals(Exit.BAD_INPUT, run("run", MISSPELT, "--reports", reports.toString()));
        assertTrue(err.toString().contains(MISSPELT + ":8:7: unknown key 'szie' in generate; did you mean 'size'?"), err.toString());
        assertTrue(err.toString().contains("nothing was run"));
        assertFalse(Files.exists(reports.resolve("misspelt")));
    }

    @Test
    void badFiltersAndMissingFilesExitTwo() {
        assertEquals(Exit.BAD_INPUT, run("run", PASSING, "--reports", reports.toString(), "--only", "tol=cp"));
        assertTrue(err.toString().contains("has no axis 'tol'; did you mean 'tool'?"), err.toString());
        assertEquals(Exit.BAD_INPUT, run("run", PASSING, "--reports", reports.toString(), "--only", "cp"));
        assertEquals(Exit.BAD_INPUT, run("run", "suites/nope.yaml", "--reports", reports.toString()));
        assertTrue(err.toString().contains("suites/nope.yaml: no such suite file"), err.toString());
        assertEquals(Exit.BAD_INPUT, run("run", PASSING, "--no-such-option"));
        assertFalse(Files.exists(reports.resolve("directory-pass")));
    }

    @Test
    void onlyRunsTheSelectedCells() {
        assertEquals(Exit.PASSED, run("run", PASSING, "--reports", reports.toString(), "--no-html", "--only", "tool=cp",
                "--only", "size=4KiB"));
        assertTrue(out.toString().contains("1 of 4 cells"), out.toString());
        assertTrue(out.toString().contains("1 passed, 0 failed"), out.toString());
    }

    @Test
    void aTargetThatCannotBePreparedIsABrokenRig() throws IOException {
        Path volume = Files.createDirectories(reports.resolve("volume"));
        Path suite = Files.writeString(reports.resolve("broken.yaml"), Files.readString(Path.of(PASSING))
                .replace("kind: directory", "kind: directory\n  path: " + volume));
        // the volume exists when the suite is checked, then becomes unwritable where the run directory goes
        Files.writeString(volume.resolve("orchestrate-00000000000000ff"), "a file where the run directory should be");
        assertEquals(Exit.BROKEN, run("run", suite.toString(), "--reports", reports.toString(), "--no-html", "--run-id", "ff"));
        assertTrue(out.toString().contains("BROKEN  directory-pass: cannot create"), out.toString());
    }

    @Test
    void validateChecksWithoutRunning() {
        assertEquals(Exit.PASSED, run("validate", PASSING, "suites/smoke.yaml", "suites/image-corrupt.yaml"));
        assertTrue(out.toString().contains(PASSING + ": valid, 4 cells"), out.toString());
        assertEquals(Exit.BAD_INPUT, run("validate", PASSING, MISSPELT));
        assertTrue(err.toString().contains("did you mean 'size'?"));
    }

    @Test
    void aTargetFileReplacesTheSuitesOwnTarget() throws IOException {
        Path volume = Files.createDirectories(reports.resolve("volume"));
        Path directory = Files.writeString(reports.resolve("directory.yaml"), "kind: directory\npath: " + volume + "\n");
        assertEquals(Exit.PASSED, run("run", PASSING, "--target", directory.toString(), "--reports", reports.toString(), "--no-html",
                "--run-id", "ab", "--only", "tool=cp", "--only", "size=4KiB"));
        assertTrue(out.toString().contains("1 passed"), out.toString());
        String manifest = Files.readString(reports.resolve("directory-pass/latest/manifest.json"));
        assertTrue(manifest.contains(volume.resolve("orchestrate-00000000000000ab").toString()),
                "the files went to the named volume: " + manifest);

        Path image = Files.writeString(reports.resolve("image.yaml"), "kind: image\n");
        assertEquals(Exit.BAD_INPUT, run("validate", PASSING, "--target", image.toString()));
        assertTrue(err.toString().contains("tool 'cp' copies through a file system and cannot write to an image target"), err.toString());
        Path typo = Files.writeString(reports.resolve("typo.yaml"), "kind: imag\n");
        assertEquals(Exit.BAD_INPUT, run("validate", PASSING, "--target", typo.toString()));
        assertTrue(err.toString().contains(typo + ":1:7: unknown kind 'imag' in target"), err.toString());
        assertEquals(Exit.BAD_INPUT, run("validate", PASSING, "--target", reports.resolve("absent.yaml").toString()));
        assertTrue(err.toString().contains("cannot read the target file"), err.toString());
    }

    @Test
    void aTargetKeyThatFollowsTheMatrixOpensATargetPerValue() throws IOException {
        Path a = Files.createDirectories(reports.resolve("a"));
        Path b = Files.createDirectories(reports.resolve("b"));
        String text = """
                name: volumes
                target:
                  kind: directory
                  path: ${volume}
                matrix:
                  volume: [%s, %s]
                steps:
                  - generate: {size: 4KiB}
                  - copy: {tool: cp}
                  - sync
                  - verify
                """;
        Path suite = Files.writeString(reports.resolve("volumes.yaml"), text.formatted(a, b));
        assertEquals(Exit.PASSED, run("run", suite.toString(), "--reports", reports.toString(), "--no-html", "--run-id", "ac"),
                err.toString());
        String manifest = Files.readString(reports.resolve("volumes/latest/manifest.json"));
        for (Path volume : List.of(a, b)) {
            assertTrue(manifest.contains(volume.resolve("orchestrate-00000000000000ac").toString()), "a cell's files went to " + volume);
        }

        Path bad = Files.writeString(reports.resolve("bad.yaml"), text.formatted(a, reports.resolve("absent")).replace("volumes", "bad"));
        assertEquals(Exit.BAD_INPUT, run("run", bad.toString(), "--reports", reports.toString(), "--no-html"));
        assertTrue(err.toString().contains(bad + ":6:" + (14 + a.toString().length()) + ": target path " + reports.resolve("absent")
                + " is not a directory"), err.toString());
        assertFalse(Files.exists(reports.resolve("bad")));
    }

    @Test
    void everySuiteShippedIsValid() throws IOException {
        List<String> suites;
        try (var files = Files.list(Path.of("suites"))) {
            suites = files.map(Path::toString).filter(f -> f.endsWith(".yaml")).sorted().toList();
        }
        List<String> args = new ArrayList<>(List.of("validate"));
        args.addAll(suites);
        assertEquals(Exit.PASSED, run(args.toArray(String[]::new)), err.toString());
        assertTrue(suites.size() >= 10, suites.toString());
    }

    @Test
    void everyShippedFaultSuiteSaysWhatEachCellShouldComeTo() throws Exception {
        try (var files = Files.list(Path.of("suites"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                Suite suite = Catalog.loader().load(file);
                for (Cell cell : suite.cells()) {
                    boolean faulty = suite.stepsFor(cell).stream().anyMatch(st -> List.of("fault", "corrupt").contains(st.kind()));
                    assertTrue(!faulty || suite.expectation(cell).isPresent(), file + ": cell " + cell.name() + " has no expectation");
                }
            }
        }
    }

    @Test
    void validateChecksCommandLogsLineByLine() throws IOException {
        Path good = Files.writeString(reports.resolve("good.jsonl"), "{\"seq\":1,\"t\":1,\"op\":\"write\",\"offset\":0,\"length\":512}\n");
        Path bad = Files.writeString(reports.resolve("bad.csv"), "seq,t,op,offset,length\n1,1,write,0\n");
        assertEquals(Exit.PASSED, run("validate", "--trace", good.toString()));
        assertTrue(out.toString().contains("good.jsonl: valid, 1 records"), out.toString());
        assertEquals(Exit.BAD_INPUT, run("validate", "--trace", good.toString(), "--trace", bad.toString()));
        assertTrue(err.toString().contains("bad.csv line 2: 4 fields, the header names 5"), err.toString());
        assertEquals(Exit.BAD_INPUT, run("validate"));
    }

    @Test
    void validateReadsADriversLogThroughItsLineFormat() throws IOException {
        String format = "formats/kext-check.yaml";
        assertEquals(Exit.PASSED, run("validate", "--trace", "src/test/resources/trace/trap.log", "--trace-format", format),
                err.toString());
        assertTrue(out.toString().contains("trap.log: valid, 13 records"), out.toString());
        String kext = "[ProcessParallelTask] [KEXT_CHECK] ";
        Path bad = Files.writeString(reports.resolve("driver.log"), String.join("\n", kext + "session start",
                kext + "WRITE (0x2a) | T:0 L:0 | LBA: 2048 | Size: 524288 bytes", kext + "WRITE (0x2a) | T:0 L:0 | LBA: 2048",
                kext + "MODE SENSE (0x1a) | T:0 L:0 | LBA: 0 | Size: 192 bytes",
                kext + "READ (0x28) | T:0 L:0 | LBA: x | Size: 512 bytes"));
        assertEquals(Exit.BAD_INPUT, run("validate", "--trace", bad.toString(), "--trace-format", format));
        assertTrue(err.toString().contains("driver.log line 3: does not match the format's 'line'"), err.toString());
        assertTrue(err.toString().contains("driver.log line 4: unknown SCSI opcode 0x1a"), err.toString());
        assertTrue(err.toString().contains("driver.log line 5: does not match the format's 'line'"), err.toString());
        assertTrue(err.toString().contains(bad + ": 3 bad lines"), err.toString());
        assertFalse(err.toString().contains("line 1:") || err.toString().contains("line 2:"), "a line not selected is not a command");
    }

    @Test
    void aBadLineFormatIsBadInputAtItsLine() throws IOException {
        Path format = Files.writeString(reports.resolve("format.yaml"), "select: 'KEXT'\nline: '(?<op>\\w+) (?<lba>\\d+)'\n");
        String trap = "src/test/resources/trace/trap.log";
        assertEquals(Exit.BAD_INPUT, run("validate", "--trace", trap, "--trace-format", format.toString()));
        assertTrue(err.toString().contains(format + ":2:7: 'line' needs a group (?<blocks>...) or (?<length>...)"), err.toString());
        assertTrue(err.toString().contains("1 problem in the line format " + format), err.toString());
        assertFalse(out.toString().contains("valid"), out.toString());
        assertEquals(Exit.BAD_INPUT, run("validate", "--trace", trap, "--trace-format", reports.resolve("none.yaml").toString()));
        assertTrue(err.toString().contains("none.yaml: no such line format file"), err.toString());
        assertEquals(Exit.BAD_INPUT, run("validate", "src/test/resources/suites/image-corrupt.yaml",
                "--trace-format", "formats/kext-check.yaml"));
        assertTrue(err.toString().contains("give the driver's logs it reads with --trace"), err.toString());
    }

    @Test
    void schemaPrintsJsonSchemaOrTheReference() throws IOException {
        assertEquals(Exit.PASSED, run("schema"));
        JsonNode schema = new ObjectMapper().readTree(out.toString());
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asText());
        out.getBuffer().setLength(0);
        assertEquals(Exit.PASSED, run("schema", "--reference"));
        assertTrue(out.toString().contains("#### copy"));
    }

    @Test
    void theHtmlReportIsGeneratedAndHistoryCarriedToTheNextRun() throws IOException {
        assertEquals(Exit.PASSED, run("run", PASSING, "--reports", reports.toString(), "--only", "size=4KiB"), err.toString());
        Path first = reports.resolve("directory-pass").resolve("latest").toRealPath();
        assertTrue(Files.isRegularFile(first.resolve("html/index.html")));
        assertTrue(Files.size(first.resolve("report.html")) > 100_000, "the single-file report embeds everything");
        assertTrue(Files.isRegularFile(first.resolve("html/history/history.json")));
        assertEquals(Exit.PASSED, run("run", PASSING, "--reports", reports.toString(), "--only", "size=4KiB", "--no-html"));
        Path second = reports.resolve("directory-pass").resolve("latest").toRealPath();
        assertFalse(first.equals(second));
        assertTrue(Files.isRegularFile(second.resolve("allure-results/history/history.json")));
    }
}
