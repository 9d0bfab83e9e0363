package dev.orchestrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.LeftBehind;
import dev.orchestrate.Privileged;
import dev.orchestrate.host.StateDir;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run killed with kill -9 in the middle of a copy leaves state that the next run cleans up before it passes. */
@Privileged
class KillRecoveryTest {

    private static final String SLOW = """
            name: slow
            target:
              kind: emulated
              size: 256MiB
            steps:
              - fault:
                  kind: latency
                  delay: 50ms
              - generate:
                  size: 16MiB
              - copy:
                  tool: dd
                  oflag: direct
                  block-size: 64KiB
              - verify
            """;

    private static final String QUICK = """
            name: quick
            target:
              kind: emulated
              size: 256MiB
            steps:
              - generate:
                  size: 1MiB
              - copy:
                  tool: cp
              - sync
              - verify
            """;

    @TempDir
    Path dir;

    /** Whatever the killed run left, also when an assertion failed before the next run cleaned it. */
    @AfterEach
    void cleanUp() {
        StateDir.stale(false).forEach(StateDir::clean);
    }

    @Test
    void theNextRunCleansUpAfterAKilledOneAndPasses() throws Exception {
        Path slow = Files.writeString(dir.resolve("slow.yaml"), SLOW);
        Path quick = Files.writeString(dir.resolve("quick.yaml"), QUICK);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process run = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", slow.toString(), "--no-html", "--reports", dir.resolve("reports").toString())
                .redirectErrorStream(true).start();
        long pid = run.pid();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.contains("copy with dd")) {
                // wait until the copy runs
            }
            Thread.sleep(500);
            run.destroyForcibly();
            assertTrue(run.waitFor(30, TimeUnit.SECONDS), "the killed run ended");
        }
        String prefix = StateDir.ROOT + "/" + pid + "-";
        assertTrue(Files.readString(Path.of("/proc/mounts")).contains(prefix),
                "the killed run left its mounts behind, as a real kill -9 does");

        StringWriter text = new StringWriter();
        int exit = Main.execute(new PrintWriter(text, true), new PrintWriter(text, true), "run", quick.toString(), "--no-html",
                "--reports", dir.resolve("reports").toString());
        assertEquals(Exit.PASSED, exit, text.toString());
        LeftBehind.assertNone(pid, "the next run, after the killed one");
        assertFalse(Files.exists(Path.of(prefix.substring(0, prefix.length() - 1) + "-1")));
        assertEquals(List.of(), StateDir.stale(false));
    }
}
