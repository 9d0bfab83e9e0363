package dev.orchestrate.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.engine.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteLoaderTest {

    /** A suite with no matrix: one cell. */
    static final String ONE_CELL = """
            name: one
            target: {kind: directory}
            steps:
              - generate: {size: 4KiB}
              - copy: {tool: cp}
              - verify
            """;

    private static final String VALID = """
            name: demo
            target:
              kind: directory
            matrix:
              tool: [cp, dd]
              size: [4KiB, 1MiB]
            steps:
              - generate:
                  size: ${size}
              - copy:
                  tool: ${tool}
              - sync
              - verify
            """;

    /** An emulated target whose published maximum transfer follows the matrix. */
    private static final String PER_CELL_TARGET = """
            name: limits
            target:
              kind: emulated
              max-transfer: ${limit}
            matrix:
              limit: [1MiB, 512KiB]
              tool: [cp, dd]
            steps:
              - generate: {size: 4MiB}
              - copy:
                  tool: ${tool}
              - sync
              - verify
            """;

    /** Loads a suite as if it were suites/x.yaml. */
    static Suite parse(String text) throws InvalidSuite {
        return Catalog.loader().parse(Path.of("suites/x.yaml"), text);
    }

    /** The problems a suite as suites/x.yaml has, as file:line:col: messages. */
    static List<String> problems(String text) {
        return assertThrows(InvalidSuite.class, () -> parse(text)).problems().stream().map(Problem::toString).toList();
    }

    @Test
    void expandsTheMatrixFirstAxisSlowest() throws InvalidSuite {
        Suite suite = parse(VALID);
        assertEquals(List.of("tool=cp size=4KiB", "tool=cp size=1MiB", "tool=dd size=4KiB", "tool=dd size=1MiB"),
                suite.cells().stream().map(Cell::name).toList());
        assertEquals(4096, suite.sectorSize());
    }

    @Test
    void resolvesReferencesAndFillsDefaults() throws InvalidSuite {
        Suite suite = parse(VALID);
        List<Step> steps = suite.stepsFor(suite.cells().get(3));
        assertEquals("1MiB", steps.get(0).options().text("size"));
        assertEquals("numbered", steps.get(0).options().text("names"));
        assertEquals("dd", steps.get(1).options().text("tool"));
        assertEquals("1MiB", steps.get(1).options().text("block-size"));
        assertEquals(new Location("suites/x.yaml", 5, 14), steps.get(1).options().value("tool").at());
    }

    @Test
    void misspeltKeyNamesFileLineColumnAndSuggests() {
        assertEquals(List.of("suites/x.yaml:5:5: generate needs 'size': the size of each file, e.g. 4KiB, 256MiB, 5GiB",
                        "suites/x.yaml:6:7: unknown key 'szie' in generate; did you mean 'size'?"),
                problems("""
                        name: demo
                        target:
                          kind: directory
                        steps:
                          - generate:
                              szie: 1MiB
                          - copy:
                              tool: cp
                          - verify
                        """));
    }

    @Test
    void misspeltTopLevelKeySuggests() {
        assertTrue(problems(VALID.replace("matrix:", "matrx:"))
                .contains("suites/x.yaml:4:1: unknown key 'matrx' in suite; did you mean 'matrix'?"));
    }

    @Test
    void misspeltAxisIsCaughtAsUnused() {
        List<String> found = problems(VALID.replace("  tool: [cp, dd]", "  tools: [cp, dd]"));
        assertTrue(found.contains("suites/x.yaml:5:3: axis 'tools' is not used by any step or target key; did you mean 'tool'?; "
                + "refer to it as ${tools} in a step option or target key, or remove it"), found.toString());
        assertTrue(found.stream().anyMatch(p -> p.startsWith("suites/x.yaml:11:13: '${tool}' refers to nothing")
                && p.contains("did you mean 'tools'?")), found.toString());
    }

    @Test
    void badValueFromTheMatrixPointsAtTheMatrix() {
        assertEquals(List.of("suites/x.yaml:5:14: unknown tool 'dc' in copy; expected one of asr, cat, copyfile, cp, dd, ditto, finder, "
                        + "fio, fscopyobject, gio, mmap, nio, nsfilemanager, odirect, rsync, tar; did you mean 'dd'?"),
                problems(VALID.replace("[cp, dd]", "[cp, dc]")));
        assertEquals(List.of("suites/x.yaml:6:16: size: '1MB' is ambiguous (1000 or 1024?); write 1MiB for binary units"),
                problems(VALID.replace("1MiB]", "1MB]")));
    }

    @Test
    void toolOptionsBelongToTheirTool() {
        List<String> found = problems(VALID.replace("      tool: ${tool}", "      tool: cp\n      block-size: 4KiB")
                .replace("  tool: [cp, dd]\n", ""));
        assertEquals(List.of("suites/x.yaml:11:7: 'block-size' applies only when tool is 'dd' or 'fio', not 'cp'"), found);
    }

    @Test
    void unknownStepSuggests() {
        List<String> found = problems(VALID.replace("- sync", "- snyc"));
        assertTrue(found.getFirst().startsWith("suites/x.yaml:12:5: unknown step 'snyc'; did you mean 'sync'?; "
                + "steps are copy, corrupt, eject, erase-disk, fault, fsync, generate, "), found.toString());
    }

    @Test
    void aSuiteWithoutVerifyIsRejected() {
        assertTrue(problems(VALID.replace("  - verify\n", "")).getFirst().contains("steps have no 'verify'"));
    }

    @Test
    void stepsMustComeInAWorkableOrder() {
        String copyFirst = VALID.replace("""
                  - generate:
                      size: ${size}
                  - copy:
                      tool: ${tool}
                """, """
                  - copy:
                      tool: ${tool}
                  - generate:
                      size: ${size}
                """);
        assertTrue(problems(copyFirst).contains("suites/x.yaml:8:5: 'copy' has nothing to copy: put a 'generate' step before it"));
    }

    @Test
    void fileSystemToolsCannotWriteToAnImage() {
        List<String> found = problems(VALID.replace("kind: directory", "kind: image"));
        assertEquals(List.of("suites/x.yaml:5:10: tool 'cp' copies through a file system and cannot write to an image target; "
                + "use dd, or a directory target"), found);
    }

    @Test
    void imageTooSmallForTheCellsIsRejected() {
        List<String> found = problems(VALID.replace("kind: directory", "kind: image\n  size: 1MiB").replace("[cp, dd]", "[dd]"));
        assertEquals(List.of("suites/x.yaml:4:9: image size 1MiB is too small: the suite's cells need 2MiB (2,097,152 bytes); "
                + "raise 'size' or leave it out"), found);
    }

    @Test
    void targetPathsMustBeUsableBeforeAnythingRuns() {
        assertEquals(List.of("suites/x.yaml:4:9: target path /no/such/volume is not a directory; "
                        + "mount the volume under test and name a directory on it"),
                problems(VALID.replace("kind: directory", "kind: directory\n  path: /no/such/volume")));
        assertEquals(List.of("suites/x.yaml:4:9: target path /dev/null exists and is not a regular file; "
                        + "the image target writes only to image files"),
                problems(VALID.replace("kind: directory", "kind: image\n  path: /dev/null").replace("[cp, dd]", "[dd]")));
    }

    @Test
    void stepsThatWouldNeverDoAnythingAreRefused() {
        String emulated = """
                name: e
                steps:
                  - fault:
                      kind: io-error
                      from-lba: 100
                      to-lba: 100
                  - generate:
                      size: 0
                  - copy:
                      tool: cp
                  - fsync:
                      file: 2
                  - verify
                """;
        List<String> found = problems(emulated);
        assertTrue(found.contains("suites/x.yaml:6:15: fault: to-lba 100 must be above from-lba 100; "
                + "the range would be empty and the fault would never fire"), found.toString());
        assertTrue(found.contains("suites/x.yaml:8:13: size must be at least 1 byte: a file of nothing verifies nothing"),
                found.toString());
        assertTrue(found.contains("suites/x.yaml:12:13: fsync: file 2 does not exist; the cell has files 1 to 1"), found.toString());
    }

    @Test
    void lifecycleStepsNeedATargetThatCanDoThem() {
        assertEquals(List.of("suites/x.yaml:13:5: step 'power-cut' needs a target that can do it; "
                        + "a 'directory' target cannot (PowerSwitch); use the emulated target, or remove the step"),
                problems(VALID.replace("  - sync\n", "  - sync\n  - power-cut\n")));
    }

    @Test
    void unknownTargetKindSuggests() {
        assertEquals(List.of("suites/x.yaml:3:9: unknown kind 'imag' in target; "
                        + "expected one of directory, emulated, image, linux-block, macos-disk, macos-ramdisk; did you mean 'image'?"),
                problems(VALID.replace("kind: directory", "kind: imag")));
    }

    @Test
    void nameMustSuitADirectory() {
        assertEquals(List.of("suites/x.yaml:1:7: name 'my suite' may hold only letters, digits, '.', '_' and '-'"),
                problems(VALID.replace("name: demo", "name: my suite")));
    }

    @Test
    void aSuiteWithoutMatrixHasOneCell() throws InvalidSuite {
        Suite suite = parse(ONE_CELL);
        assertEquals(List.of("single"), suite.cells().stream().map(Cell::name).toList());
    }

    @Test
    void defaultsStandInForMissingAxes() throws InvalidSuite {
        Suite suite = parse(VALID.replace("  size: [4KiB, 1MiB]\n", "").replace("steps:", "defaults:\n  size: 8KiB\nsteps:"));
        assertEquals("8KiB", suite.stepsFor(suite.cells().getFirst()).getFirst().options().text("size"));
    }

    @Test
    void targetKeysFollowTheMatrix() throws InvalidSuite {
        Suite suite = parse(PER_CELL_TARGET);
        assertEquals(List.of("1MiB", "1MiB", "512KiB", "512KiB"),
                suite.cells().stream().map(cell -> suite.target(cell).text("max-transfer")).toList());
        assertEquals(List.of("1MiB", "512KiB"), suite.targets().stream().map(target -> target.text("max-transfer")).toList());
        assertEquals("emulated", suite.targetKind());
    }

    @Test
    void aBadTargetValueFromTheMatrixPointsAtTheMatrix() {
        assertEquals(List.of("suites/x.yaml:6:17: max-transfer: 'lots' is not a size; "
                        + "write a byte count such as 512, 4KiB, 256MiB or 5GiB"),
                problems(PER_CELL_TARGET.replace("512KiB]", "lots]")));
        assertEquals(List.of("suites/x.yaml:6:17: max-transfer 2MiB: the loop device takes a request limit of 4KiB to 1280KiB, "
                + "a multiple of 4KiB"), problems(PER_CELL_TARGET.replace("512KiB]", "2MiB]")));
    }

    @Test
    void aTargetKeyReferringToNoAxisIsRefused() {
        List<String> found = problems(PER_CELL_TARGET.replace("${limit}", "${limt}"));
        assertTrue(found.stream().anyMatch(p -> p.startsWith("suites/x.yaml:4:17: '${limt}' refers to nothing")
                && p.contains("did you mean 'limit'?")), found.toString());
    }

    @Test
    void theTargetKindTakesNoReference() {
        assertEquals(List.of("suites/x.yaml:3:9: the target's kind takes no ${reference}: a suite runs on one kind of target; "
                        + "its other keys may follow the matrix, e.g. 'max-transfer: ${limit}'"),
                problems(PER_CELL_TARGET.replace("kind: emulated", "kind: ${kind}").replace("matrix:", "matrix:\n  kind: [emulated]")));
    }

    @Test
    void aTargetFileMayReferToTheSuitesMatrix(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("target.yaml"), "kind: emulated\nmax-transfer: ${limit}\nsize: 2GiB\n");
        Suite suite = Catalog.loader().withTarget(file).parse(Path.of("suites/x.yaml"),
                PER_CELL_TARGET.replace("  max-transfer: ${limit}\n", ""));
        assertEquals(List.of("1MiB", "512KiB"), suite.targets().stream().map(target -> target.text("max-transfer")).toList());
        assertEquals("2GiB", suite.targets().getFirst().text("size"));
    }
}
