package dev.orchestrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.diagnosis.Defect;
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

    @Test
    void aMissingManifestIsBadInput() {
        assertEquals(Exit.BAD_INPUT, run("verify", "--manifest", reports.resolve("nope.json").toString(), "--reports", reports.toString()));
        assertTrue(err.toString().contains("not a readable run manifest"), err.toString());
    }
}
