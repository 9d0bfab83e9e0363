package dev.orchestrate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.dut.Targets;
import dev.orchestrate.host.Platform;
import dev.orchestrate.suite.InvalidSuite;
import dev.orchestrate.suite.Problem;
import dev.orchestrate.suite.Step;
import dev.orchestrate.suite.Suite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks across roles that name sets and tools reading through the file system bring. */
class CatalogTest {

    @TempDir
    Path dir;

    private Suite load(String text) throws IOException, InvalidSuite {
        Files.writeString(dir.resolve("names.txt"), "caf\\u{E9}.bin\ncafe\\u{301}.bin\n資料.bin\n");
        return Catalog.loader().load(Files.writeString(dir.resolve("x.yaml"), text));
    }

    private List<String> problems(String text) {
        return assertThrows(InvalidSuite.class, () -> load(text)).problems().stream().map(Problem::toString)
                .map(p -> p.replace(dir.toString(), "DIR")).toList();
    }

    @Test
    void aNameSetBesideTheSuiteGivesOneFilePerName() throws Exception {
        Suite suite = load("""
                name: names
                target: {kind: directory}
                steps:
                  - generate: {size: 4KiB, names: names.txt}
                  - copy: {tool: cp}
                  - verify
                """);
        assertEquals("names.txt", suite.stepsFor(suite.cells().getFirst()).getFirst().options().text("names"));
    }

    @Test
    void aNameSetMustBeUsableAloneAndOnAFileSystem() throws IOException {
        Files.writeString(dir.resolve("bad.txt"), "ok\na/b\n");
        assertEquals(List.of("DIR/x.yaml:4:35: names: DIR/bad.txt:2: 'a/b' holds '/' or NUL, which no file name can"),
                problems("""
                        name: names
                        target: {kind: directory}
                        steps:
                          - generate: {size: 4KiB, names: bad.txt}
                          - copy: {tool: cp}
                          - verify
                        """));
        assertEquals(List.of("DIR/x.yaml:4:35: 'files' and 'names' both say how many files there are; "
                        + "with a name set there is one file per name, so remove 'files'"),
                problems("""
                        name: names
                        target: {kind: directory}
                        steps:
                          - generate: {size: 4KiB, files: 3, names: names.txt}
                          - copy: {tool: cp}
                          - verify
                        """));
        List<String> raw = problems("""
                name: names
                target: {kind: image, size: 64MiB}
                steps:
                  - generate: {size: 4KiB, names: names.txt}
                  - copy: {tool: dd}
                  - verify
                """);
        assertTrue(raw.contains("DIR/x.yaml:4:35: names need a file system, and an image target places files raw at device offsets; "
                + "use the emulated or a directory target"), raw.toString());
    }

    @Test
    void whatOnlyTheFileSystemCanShowNeedsTheVolumeMounted() {
        String fio = """
                name: fio
                steps:
                  - generate: {size: 1MiB}
                  - copy: {tool: fio}
                  - eject
                  - verify
                """;
        assertEquals(List.of("DIR/x.yaml:6:5: this verify comes after 'eject', but in cell single fio leaves the tool's own data "
                + "with its own checksums; "
                + "the tool checks it itself, through the file system; add '- mount' before it"), problems(fio));
        assertEquals(List.of(), assertDoesNotThrowProblems(fio.replace("  - eject\n", "  - eject\n  - mount\n")));
        List<String> named = problems(fio.replace("{size: 1MiB}", "{size: 1MiB, names: names.txt}").replace("tool: fio", "tool: cp"));
        assertTrue(named.getFirst().endsWith("the files are named from a name set, and only the file system can list the names; "
                + "add '- mount' before it"), named.toString());
    }

    @Test
    void aSuiteThatNamesNoTargetRunsOnTheHostsEmbeddedOne() throws Exception {
        assertEquals("emulated", Targets.defaultKind(Platform.LINUX));
        assertEquals("macos-ramdisk", Targets.defaultKind(Platform.MACOS));
        String steps = """
                steps:
                  - generate: {size: 4KiB}
                  - copy: {tool: cp}
                  - verify
                """;
        String here = Targets.defaultKind(Platform.current());
        assertEquals(here, load("name: bare\n" + steps).targets().getFirst().text("kind"));
        assertEquals(here, load("name: sized\ntarget: {size: 2GiB}\n" + steps).targets().getFirst().text("kind"),
                "a target section without a kind too");
    }

    @Test
    void aTrustedHostIsAnSshAddressAndReadsOnlyRawPlacements() {
        String suite = """
                name: rb
                target:
                  kind: linux-block
                  device: /dev/loop99
                  model: loop
                  serial: /tmp/x.img
                  size: 64MiB
                  read-back: ftp://nope
                steps:
                  - generate: {size: 1MiB}
                  - copy: {tool: dd}
                  - verify
                """;
        assertEquals(List.of("DIR/x.yaml:8:14: read-back 'ftp://nope' is neither local nor ssh://user@host/dev/NODE,"
                        + " e.g. ssh://lab@trusted/dev/sdc"),
                problems(suite));
        String mac = suite.replace("ftp://nope", "ssh://lab@trusted/dev/rdisk5").replace("kind: linux-block", "kind: macos-disk")
                .replace("device: /dev/loop99", "disk: disk5\n  file-system: apfs\n  media-name: RAID")
                .replace("model: loop", "protocol: SCSI");
        assertEquals(List.of("DIR/x.yaml:10:14: read-back through a trusted host reads raw placements, "
                + "and a macos-disk target with a file system has none; use file-system: raw, or read-back: local"), problems(mac));
    }

    @Test
    void anAlignmentOffsetNeedsARawTarget() {
        assertEquals(List.of("DIR/x.yaml:5:30: offset places files raw on a device; "
                + "on a 'directory' target the file system decides where they lie; "
                + "use an image target, or remove offset"), problems("""
                name: offset
                target: {kind: directory}
                steps:
                  - generate: {size: 4KiB}
                  - copy: {tool: dd, offset: 512}
                  - verify
                """));
    }

    private List<String> assertDoesNotThrowProblems(String text) {
        try {
            load(text);
            return List.of();
        } catch (InvalidSuite e) {
            return e.problems().stream().map(Problem::toString).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aLabRebootOrPowerCutNeedsTheHostsCommandAndSaysWhatToAdd() {
        assertEquals(List.of("DIR/x.yaml:10:5: step 'reboot' on a linux-block target takes the host down with a command the suite names,"
                        + " and the target names none; add 'reboot-command: sudo shutdown -r now' (your host's command) under target:,"
                        + " or remove the step",
                "DIR/x.yaml:11:5: step 'power-cut' on a linux-block target takes the host down with a command the suite names,"
                        + " and the target names none; add 'power-cut-command: pdu-ctl outlet 3 cycle' (your host's command)"
                        + " under target:, or remove the step"),
                problems(lab("linux-block", "device: /dev/sdc", null, null)));
        assertEquals(List.of("DIR/x.yaml:11:5: step 'power-cut' on a macos-disk target takes the host down with a command the suite names,"
                        + " and the target names none; add 'power-cut-command: pdu-ctl outlet 3 cycle' (your host's command)"
                        + " under target:, or remove the step"),
                problems(lab("macos-disk", "disk: disk5", "sudo shutdown -r now", null)));
        assertTrue(problems(lab("macos-ramdisk", "size: 64MiB", null, null)).getFirst()
                .startsWith("DIR/x.yaml:10:5: step 'reboot' needs a target that can do it"));
    }

    @Test
    void aLabTargetWithBothCommandsMayRebootAndCutPower() throws Exception {
        Suite suite = load(lab("linux-block", "device: /dev/sdc", "sudo shutdown -r now", "pdu-ctl outlet 3 cycle"));
        assertEquals(List.of("generate", "copy", "reboot", "power-cut", "verify"),
                suite.stepsFor(suite.cells().getFirst()).stream().map(Step::kind).toList());
    }

    /** A lab suite whose reboot is on line 10 and power cut on line 11; a command left out leaves a comment in its place. */
    private static String lab(String kind, String disk, String reboot, String powerCut) {
        return "name: lab\ntarget:\n  kind: " + kind + "\n  " + disk + "\n  "
                + (reboot == null ? "# no reboot-command" : "reboot-command: " + reboot)
                + "\n  " + (powerCut == null ? "# no power-cut-command" : "power-cut-command: " + powerCut)
                + "\nsteps:\n  - generate: {size: 4KiB}\n  - copy: {tool: dd}\n  - reboot\n  - power-cut\n  - verify\n";
    }

    @Test
    void filesLargerThanTheEmulatedDiskAreRefusedBeforeAnythingRuns() {
        assertEquals(List.of("DIR/x.yaml:2:32: the emulated disk of 64MiB cannot hold a cell's 2 files of up to 48MiB (100,663,296 bytes,"
                        + " before the file system's own metadata);"
                        + " raise the target's 'size' (the media image is sparse) or make the files smaller"),
                problems("""
                        name: big
                        target: {kind: emulated, size: 64MiB}
                        steps:
                          - generate: {size: 48MiB, files: 2}
                          - copy: {tool: cp}
                          - sync
                          - verify
                        """));
    }

    @Test
    void aVerifyOfTheMediaWithNothingFlushedSinceTheCopyIsWarnedAbout() throws Exception {
        Suite unflushed = load("""
                name: unflushed
                target: {kind: emulated}
                matrix: {tool: [cp, dd-fsync]}
                tools:
                  dd-fsync: {tool: dd, conv: fsync}
                steps:
                  - generate: {size: 1MiB}
                  - copy:
                      tool: ${tool}
                  - verify
                  - sync
                  - verify
                """);
        List<Problem> warnings = Catalog.warnings(unflushed);
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals(10, warnings.getFirst().at().line(),
                "the first verify only; dd conv=fsync flushes by itself and the second verify follows a sync");
        assertTrue(warnings.getFirst().message().startsWith("nothing between the copy at line 8 and this verify flushes the host's caches"),
                warnings.getFirst().message());
        Suite directory = load("""
                name: directory
                target: {kind: directory}
                steps:
                  - generate: {size: 1MiB}
                  - copy: {tool: cp}
                  - verify
                """);
        assertEquals(List.of(), Catalog.warnings(directory), "a directory is read back through the same page cache");
    }
}
