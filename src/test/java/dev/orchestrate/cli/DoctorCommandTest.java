package dev.orchestrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code orchestrate doctor} per suite: cells that would run, cells for another platform, gaps with their fix, and the exit code. */
class DoctorCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int doctor(String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "doctor";
        System.arraycopy(args, 0, argv, 1, args.length);
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), argv);
    }

    @Test
    void aSuiteWhoseCellsAllRunHereIsReadyAndCellsForAnotherPlatformDoNotCountAgainstIt() throws Exception {
        Path suite = Files.writeString(dir.resolve("here.yaml"), """
                name: here
                target: {kind: directory}
                matrix: {tool: [cp, dd, finder]}
                steps:
                  - generate: {size: 4KiB}
                  - copy:
                      tool: ${tool}
                  - verify
                """);
        assertEquals(Exit.PASSED, doctor(suite.toString()), out + "" + err);
        assertTrue(out.toString().contains("ready    " + suite + ": 2 of 3 cells would run"), out.toString());
        assertTrue(out.toString().contains("1 skip (another platform): finder: macOS only"), out.toString());
        assertTrue(out.toString().contains("ok       cp "), "the host's checks come first: " + out);
    }

    @Test
    void aMissingProgramIsAGapWithItsFixAndExits3() throws Exception {
        Path suite = Files.writeString(dir.resolve("gap.yaml"), """
                name: gap
                target: {kind: directory}
                steps:
                  - generate: {size: 4KiB}
                  - copy: {tool: rsync}
                  - verify
                """);
        // a PATH with nothing on it: rsync is missing whether or not this host has it
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder doctor = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "doctor", suite.toString())
                .redirectErrorStream(true);
        doctor.environment().put("PATH", dir.resolve("empty").toString());
        Process process = doctor.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(Exit.BROKEN, process.waitFor(), output);
        assertTrue(output.contains("missing  " + suite + ": 0 of 1 cells would run"), output);
        assertTrue(output.contains("1 skip: rsync: not installed; apt-get install rsync"), output);
        assertTrue(output.contains("missing  rsync "), "the host's check names it too: " + output);
    }

    @Test
    void anInvalidSuiteIsBadInput() throws Exception {
        Path suite = Files.writeString(dir.resolve("bad.yaml"), "name: bad\nsteps:\n  - genrate: {size: 4KiB}\n");
        assertEquals(Exit.BAD_INPUT, doctor(suite.toString()));
        assertTrue(err.toString().contains("bad.yaml:3:"), err.toString());
    }
}
