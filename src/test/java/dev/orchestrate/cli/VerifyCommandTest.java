package dev.orchestrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.diagnosis.Defect;
import dev.orchestrate.engine.Manifest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A finished run verified again, offline, from its manifest and the media alone. */
class VerifyCommandTest {

    private static final String TRAP = "src/test/resources/trace/trap.log";
    private static final String KEXT_CHECK = "formats/kext-check.yaml";

    @TempDir
    Path reports;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Path manifestOfACorruptRun() {
        assertEquals(Exit.FAILED, run("run", "src/test/resources/suites/image-corrupt.yaml", "--reports", reports.toString(), "--no-html"));
        out.getBuffer().setLength(0);
        return reports.resolve("image-corrupt/latest/manifest.json");
    }

    @Test
    void theSameDamageIsFoundAgainFromTheManifestAndTheImage() throws IOException {
        Path manifest = manifestOfACorruptRun();
        assertEquals(Exit.FAILED, run("verify", "--manifest", manifest.toString(), "--reports", reports.toString(), "--no-html"));
        String text = out.toString();
        assertTrue(text.contains("FAILED  damage=zeros: " + Defect.UNEXPLAINED.category()
                + " — first bad byte at offset 8,192 of file-1.bin (LBA 2,064): found zeros,"
                + " expected file-1.bin offset 8,192 generation 1"), text);
        assertTrue(text.contains("PASSED  damage=none: all sectors intact"), text);
        assertTrue(text.contains("1 passed, 3 failed, 0 broken, 0 skipped"), text);
        try (var results = Files.list(reports.resolve("image-corrupt-verify/latest/allure-results"))) {
            assertEquals(4, results.filter(f -> f.toString().endsWith("-result.json")).count());
        }
    }

    @Test
    void aCopiedImageIsVerifiedInsteadWithImage() throws IOException {
        Path manifest = manifestOfACorruptRun();
        Path copy = Files.copy(reports.resolve("image-corrupt/latest/target.img"), reports.resolve("moved.img"));
        assertEquals(Exit.FAILED, run("verify", "--manifest", manifest.toString(), "--image", copy.toString(),
                "--reports", reports.toString(), "--no-html"));
        assertTrue(out.toString().contains("1 passed, 3 failed"), out.toString());
    }

    @Test
    void theCellsRegionIsScannedAgainForTheRunsSectorsOutsideTheFiles() throws IOException {
        Path manifest = manifestOfACorruptRun();
        Path image = reports.resolve("image-corrupt/latest/target.img");
        // a copy of the control cell's first sector, in the slack of its region behind its file
        try (var raf = new RandomAccessFile(image.toFile(), "rw")) {
            byte[] first = new byte[512];
            raf.readFully(first);
            raf.seek(512 * 1024);
            raf.write(first);
        }
        assertEquals(Exit.FAILED, run("verify", "--manifest", manifest.toString(), "--reports", reports.toString(), "--no-html"));
        assertTrue(out.toString().contains("PASSED  damage=none: all sectors intact"),
                "a copy outside the files is evidence, not a failure: " + out);
        String verdict = Files.readString(reports.resolve("image-corrupt-verify/latest/cells/000/01-verdict.txt"));
        assertTrue(verdict.contains("stamped sectors outside the files: 1, in 1 range (duplicated 1)"), verdict);
        assertTrue(verdict.contains("LBA 1,024..1,024: file-1.bin bytes 0..511 generation 1;"
                + " its own place (LBA 0) holds it too: duplicated"), verdict);
        assertEquals(Exit.FAILED, run("verify", "--manifest", manifest.toString(), "--scan", "files",
                "--reports", reports.toString(), "--no-html"));
        assertTrue(Files.readString(reports.resolve("image-corrupt-verify/latest/cells/000/01-verdict.txt"))
                .contains("outside the files: not scanned: scan: files"));
    }

    @Test
    void aMalformedCommandLogIsRefusedLineByLine() throws IOException {
        Path manifest = manifestOfACorruptRun();
        Path log = Files.writeString(reports.resolve("driver.jsonl"), """
                {"seq":1,"t":1,"op":"write","offset":0,"length":4096}
                {"seq":2,"t":2,"op":"write"}
                garbage
                """);
        assertEquals(Exit.BAD_INPUT, run("verify", "--manifest", manifest.toString(), "--trace", log.toString(),
                "--reports", reports.toString()));
        assertTrue(err.toString().contains("driver.jsonl line 2: no 'offset'"), err.toString());
        assertTrue(err.toString().contains("driver.jsonl line 3: "), err.toString());
        assertTrue(err.toString().contains("2 malformed lines in"), err.toString());
        assertFalse(Files.exists(reports.resolve("image-corrupt-verify")), "nothing was verified");
    }

    /**
     * A run on the image whose file lost the bytes from 272 KiB to the end of each of its 512 KiB
     * commands; its manifest, after checking that the file lies where trap.log's WRITEs put it.
     */
    private Path manifestOfATransferLengthRun() throws IOException {
        assertEquals(Exit.PASSED, run("run", "src/test/resources/trace/image-transfer-length.yaml", "--reports", reports.toString(),
                "--no-html"), "the run itself cannot explain the damage, as the suite expects: " + out + err);
        out.getBuffer().setLength(0);
        Path manifest = reports.resolve("image-transfer-length/latest/manifest.json");
        Manifest.FileRecord file = Manifest.read(manifest).cells().stream().filter(c -> c.name().equals("damage=zeros")).findFirst()
                .orElseThrow().files().getFirst();
        // trap.log writes the damaged cell's file at LBA 4,096 in commands of 512, 512 and 384 KiB
        assertEquals(4096L * 512, file.deviceOffset(), "the file lies where the trap log's WRITEs put it");
        assertEquals((512 + 512 + 384) * 1024L, file.size());
        return manifest;
    }

    @Test
    void theDriversLogNamesTheDefectOfAnImageThatKeepsNoLog() throws IOException {
        Path manifest = manifestOfATransferLengthRun();
        assertEquals(Exit.FAILED, run("verify", "--manifest", manifest.toString(), "--trace", TRAP, "--trace-format", KEXT_CHECK,
                "--reports", reports.toString(), "--no-html"), err.toString());
        String text = out.toString();
        assertTrue(text.contains("FAILED  damage=zeros: " + Defect.TRANSFER_LENGTH.category()
                + " — first bad byte at offset 278,528 of file-1.bin (LBA 4,640): found zeros"), text);
        assertTrue(text.contains("all 2 ranges start 278,528 bytes into their WRITEs, all of 524,288 bytes or more; 1 WRITE over the files"
                + " between 278,528 and 524,288 bytes long kept its bytes past 278,528: the damage follows the command's length"), text);
        assertTrue(text.contains("PASSED  damage=none: all sectors intact"), text);
        String commands = Files.readString(reports.resolve("image-transfer-length-verify/latest/cells/001/"
                + "08-commands_that_wrote_the_first_damaged_range.txt"));
        assertTrue(commands.contains("#10 "), "the WRITE is named by its line in the driver's log: " + commands);
    }

    @Test
    void withoutTheDriversLogTheSameDamageIsUnexplained() throws IOException {
        Path manifest = manifestOfATransferLengthRun();
        assertEquals(Exit.FAILED, run("verify", "--manifest", manifest.toString(), "--reports", reports.toString(), "--no-html"));
        assertTrue(out.toString().contains("FAILED  damage=zeros: " + Defect.UNEXPLAINED.category()
                + " — first bad byte at offset 278,528 of file-1.bin (LBA 4,640)"), out.toString());
        assertTrue(Files.readString(reports.resolve("image-transfer-length-verify/latest/cells/001/08-diagnosis.txt"))
                .contains("fixed offset inside commands: not judged: needs the device's command log"));
    }

    @Test
    void theLengthsInTheDriversLogAreTheEvidence() throws IOException {
        Path manifest = manifestOfATransferLengthRun();
        // without the intact 384 KiB command, nothing tells a limit on the length from a tear
        Path log = Files.write(reports.resolve("trap-without-6144.log"), Files.readAllLines(Path.of(TRAP)).stream()
                .filter(l -> !l.contains("LBA: 6144 ")).toList());
        assertEquals(Exit.FAILED, run("verify", "--manifest", manifest.toString(), "--trace", log.toString(), "--trace-format", KEXT_CHECK,
                "--reports", reports.toString(), "--no-html"), err.toString());
        assertTrue(out.toString().contains("FAILED  damage=zeros: " + Defect.TORN_OR_TRANSFER_LENGTH.category() + " — "), out.toString());
    }

    @Test
    void aBadLineFormatOrDriversLogIsRefusedAndNothingIsVerified() throws IOException {
        Path manifest = manifestOfACorruptRun();
        Path format = Files.writeString(reports.resolve("format.yaml"), "line: '(?<op>\\w+'\n");
        assertEquals(Exit.BAD_INPUT, run("verify", "--manifest", manifest.toString(), "--trace", TRAP, "--trace-format", format.toString(),
                "--reports", reports.toString()));
        assertTrue(err.toString().contains(format + ":1:7: 'line' is not a regular expression: Unclosed group"), err.toString());
        Path log = Files.writeString(reports.resolve("driver.log"), "[ProcessParallelTask] [KEXT_CHECK] WRITE (0x2a) | LBA: 0\n");
        assertEquals(Exit.BAD_INPUT, run("verify", "--manifest", manifest.toString(), "--trace", log.toString(),
                "--trace-format", KEXT_CHECK, "--reports", reports.toString()));
        assertTrue(err.toString().contains("driver.log line 1: does not match the format's 'line'"), err.toString());
        assertTrue(err.toString().contains("1 malformed lines in"), err.toString());
        assertEquals(Exit.BAD_INPUT, run("verify", "--manifest", manifest.toString(), "--trace-format", KEXT_CHECK,
                "--reports", reports.toString()));
        assertTrue(err.toString().contains("give the driver's log it reads with --trace"), err.toString());
        assertFalse(Files.exists(reports.resolve("image-corrupt-verify")), "nothing was verified");
    }

    @Test
    void aMissingManifestIsBadInput() {
        assertEquals(Exit.BAD_INPUT, run("verify", "--manifest", reports.resolve("nope.json").toString(), "--reports", reports.toString()));
        assertTrue(err.toString().contains("not a readable run manifest"), err.toString());
    }
}
