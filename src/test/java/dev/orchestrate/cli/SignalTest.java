package dev.orchestrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrate.LeftBehind;
import dev.orchestrate.Privileged;
import dev.orchestrate.host.StateDir;
import dev.orchestrate.process.Cancellation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM in the middle of a copy, as a CI system sends it when it cancels a job: the run kills the
 * tool, tears the device down in the safe order, reports the cell as interrupted and the next cell
 * as not run, writes the report, manifest, JUnit XML and journal, and exits 143.
 */
@Privileged
class SignalTest {

    private static final String SLOW = """
            name: cancelled
            target:
              kind: emulated
              size: 256MiB
            matrix:
              size: [16MiB, 1MiB]
            steps:
              - fault:
                  kind: latency
                  delay: 50ms
              - generate:
                  size: ${size}
              - copy:
                  tool: dd
                  oflag: direct
                  block-size: 64KiB
              - verify
            """;

    @TempDir
    Path dir;

    @Test
    void sigtermMidCopyTearsDownReportsWhatFinishedAndExits143() throws Exception {
        Path suite = Files.writeString(dir.resolve("cancelled.yaml"), SLOW);
        Path reports = dir.resolve("reports");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process run = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", suite.toString(), "--reports", reports.toString())
                .redirectErrorStream(true).start();
        long pid = run.pid();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null && !line.contains("copy with dd")) {
                seen.append(line).append('\n');
            }
            assertTrue(line != null, "the run reached the copy: " + seen);
            // the rest of the output, read while the run winds down, so it never blocks on a full pipe
            CompletableFuture<String> rest = CompletableFuture.supplyAsync(() -> lines.lines().reduce("", (a, b) -> a + b + "\n"));
            Thread.sleep(1_000);
            assertTrue(mountsOf(pid), "the copy is running on a mounted device when the signal comes");

            long signalled = System.nanoTime();
            run.toHandle().destroy(); // SIGTERM, leaving the output stream open (Process.destroy closes it)
            while (mountsOf(pid) && System.nanoTime() - signalled < TimeUnit.SECONDS.toNanos(10)) {
                Thread.sleep(100);
            }
            double cleanSeconds = (System.nanoTime() - signalled) / 1e9;
            assertTrue(!mountsOf(pid), "nothing of the run is mounted or attached 10 s after the signal");
            assertTrue(run.waitFor(120, TimeUnit.SECONDS), "the run exits after writing its report");
            String output = seen + rest.get(30, TimeUnit.SECONDS);
            System.err.printf("SignalTest: clean %.2f s after SIGTERM, exit %.2f s after it%n", cleanSeconds,
                    (System.nanoTime() - signalled) / 1e9);
            assertEquals(143, run.exitValue(), output);
            assertTrue(output.contains("INTERRUPTED by SIGTERM"), output);

            Path runDir = reports.resolve("cancelled").resolve("latest");
            assertTrue(Files.size(runDir.resolve("report.html")) > 0, "the single-file report is written");
            JsonNode manifest = new ObjectMapper().readTree(runDir.resolve("manifest.json").toFile());
            assertEquals(1, manifest.path("cells").size(), "the manifest holds the cell that ran: " + manifest);
            JsonNode cell = manifest.path("cells").get(0);
            assertEquals("broken", cell.path("status").asText());
            assertTrue(cell.path("message").asText().startsWith("interrupted by SIGTERM while running 'dd "), cell.toString());
            String junit = Files.readString(runDir.resolve("junit").resolve("TEST-orchestrate.xml"));
            assertTrue(junit.contains(Cancellation.NOT_RUN + "SIGTERM before this cell started"), junit);
            List<String> journal = Files.readAllLines(runDir.resolve("journal.jsonl"));
            assertTrue(journal.getLast().contains("\"event\":\"run-interrupted\"") && journal.getLast().contains("\"notRun\":1"),
                    journal.getLast());

        } finally {
            LeftBehind.stop(run);
        }
    }

    /** Whether a mount or loop device of process {@code pid} is still there. */
    private static boolean mountsOf(long pid) throws IOException {
        String prefix = StateDir.ROOT + "/" + pid + "-";
        String loops = new String(new ProcessBuilder("timeout", "30", "losetup", "-a").start().getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        return Files.readString(Path.of("/proc/mounts")).contains(prefix) || loops.contains(prefix);
    }
}
