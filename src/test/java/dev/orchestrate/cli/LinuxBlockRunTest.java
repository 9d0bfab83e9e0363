package dev.orchestrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.orchestrate.dut.CommandLogged;
import dev.orchestrate.host.BlockTrace;
import dev.orchestrate.process.Command;
import dev.orchestrate.process.Executables;
import dev.orchestrate.process.Processes;
import dev.orchestrate.trace.Op;
import dev.orchestrate.trace.Record;
import dev.orchestrate.trace.TraceReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A linux-block run end to end on a loop device over a file in a temp dir, with the loop device's real
 * sysfs identity (model "loop", the backing file as serial). The loop device is detached after each
 * test, also when it fails. Needs root and losetup; skipped elsewhere.
 */
@Tag("privileged")
class LinuxBlockRunTest {

    private static final Duration LOSETUP = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private Path backing;
    private String device;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void attach() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")) && Executables.find("losetup").isPresent(), "needs root and losetup");
        backing = dir.toRealPath().resolve("disk.img");
        try (var file = new RandomAccessFile(backing.toFile(), "rw")) {
            file.setLength(64 << 20);
        }
        device = Processes.require(Command.of(LOSETUP, "losetup", "--find", "--show", backing.toString())).output().strip();
        assertTrue(device.matches("/dev/loop\\d+"), device);
    }

    @AfterEach
    void detach() {
        if (device != null) {
            Processes.require(Command.of(LOSETUP, "losetup", "--detach", device));
        }
    }

    @Test
    void aSuiteRunsOnTheLoopDeviceAndSaysWhichPathItReadThrough() throws IOException {
        Path suite = suite(backing.toString());
        int exit = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), "run", suite.toString(), "--reports",
                dir.resolve("reports").toString(), "--no-html");
        assertEquals(Exit.PASSED, exit, out + "\n" + err);
        assertTrue(out.toString().contains("2 passed, 0 failed"), out.toString());
        try (Stream<Path> files = Files.walk(dir.resolve("reports"))) {
            assertTrue(files.filter(Files::isRegularFile)
                            .anyMatch(f -> read(f).contains("read through the driver under test: " + device + " with O_DIRECT")),
                    "the verdict names the read path");
        }
        if (BlockTrace.unavailable().isEmpty()) {
            try (Stream<Path> files = Files.walk(dir.resolve("reports"))) {
                List<Path> logs = files.filter(f -> f.getFileName().toString().equals(CommandLogged.FILE)).toList();
                assertEquals(2, logs.size(), "each cell has the block layer's command log: " + logs);
                for (Path log : logs) {
                    List<Record> records = TraceReader.read(log).records();
                    assertTrue(records.stream().anyMatch(r -> r.op() == Op.STEP && r.cause().startsWith("copy")), records.toString());
                    assertTrue(records.stream().filter(r -> r.op() == Op.WRITE).mapToLong(Record::length).sum() >= 2 * 100 * 1024,
                            "the copy's writes of both files reached the driver: " + records);
                }
            }
        }
    }

    @Test
    void aMismatchedIdentityIsBadInputAndNothingIsWritten() throws IOException {
        Path suite = suite("/somewhere/else.img");
        int exit = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), "run", suite.toString(), "--reports",
                dir.resolve("reports").toString(), "--no-html");
        assertEquals(Exit.BAD_INPUT, exit, out + "\n" + err);
        assertTrue(err.toString().startsWith(suite + ":3:9: linux-block " + device + " refused (mismatch): "), err.toString());
        assertTrue(err.toString().contains("nothing was written to any device"), err.toString());
        assertTrue(isZero(backing), "the loop device's file is still all zeros");
    }

    @Test
    void aDryRunPrintsTheHookAndTheHostCommandsOfARebootAndAPowerCutAndRunsNeither() throws IOException {
        Path suite = suite(backing.toString(), "reboot-command: sudo shutdown -r now\n  power-cut-command: pdu-ctl outlet 3 cycle",
                "- reboot\n  - power-cut");
        int exit = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), "run", suite.toString(),
                "--only", "size=100KiB", "--dry-run");
        assertEquals(Exit.PASSED, exit, out + "\n" + err);
        String unit = "orchestrate-resume-dry-run.service";
        String handOver = "  the run would stop here (exit 4), its journal and manifest saved, and hand the host over:\n"
                + "dry run: would run $ install -m 644 SCRATCH/" + unit + " /etc/systemd/system/" + unit + "\n"
                + "dry run: would run $ systemctl daemon-reload\n"
                + "dry run: would run $ systemctl enable " + unit + "\n";
        String printed = out.toString().replaceAll("/\\S*orchestrate-dry-run-\\d+", "SCRATCH");
        assertTrue(printed.contains("  would run step reboot\n" + handOver + "dry run: would run $ sudo shutdown -r now\n"
                + "  would run step power-cut\n" + handOver + "dry run: would run $ pdu-ctl outlet 3 cycle\n"
                + "  would run step verify\n"), printed);
        assertTrue(Files.notExists(Path.of("/etc/systemd/system", unit)), "nothing is installed in a dry run");
    }

    @Test
    void aDryRunPrintsEachFilesCopyCommandBesideTheTargetsOwn() throws IOException {
        int exit = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), "run", suite(backing.toString()).toString(),
                "--dry-run");
        assertEquals(Exit.PASSED, exit, out + "\n" + err);
        String printed = out.toString().replaceAll("/\\S*orchestrate-dry-run-\\d+", "SCRATCH");
        assertTrue(printed.contains("""
                  would run step copy
                dry run: would run $ dd if=SCRATCH/001-size=3MiB/source/file-1.bin of=%1$s bs=65536 status=none seek=96 conv=notrunc
                dry run: would run $ dd if=SCRATCH/001-size=3MiB/source/file-2.bin of=%1$s bs=65536 status=none seek=144 conv=notrunc
                  would run step verify
                  file 1 at byte 6,291,456 (LBA 12,288) of %1$s
                """.formatted(device)), printed);
        assertTrue(isZero(backing), "nothing was copied");
    }

    private static boolean isZero(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        return IntStream.range(0, all.length).allMatch(i -> all[i] == 0);
    }

    private Path suite(String serial) throws IOException {
        return suite(serial, "", "");
    }

    private Path suite(String serial, String hostCommands, String boundaries) throws IOException {
        Path suite = dir.resolve("loop.yaml");
        Files.writeString(suite, """
                name: loop
                target:
                  kind: linux-block
                  device: %s
                  model: loop
                  serial: %s
                  size: 64MiB
                  %s
                matrix:
                  size: [100KiB, 3MiB]
                steps:
                  - generate:
                      size: ${size}
                      files: 2
                  - copy:
                      tool: dd
                      block-size: 64KiB
                  %s
                  - verify:
                      scan: region
                """.formatted(device, serial, hostCommands, boundaries));
        return suite;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
