package dev.orchestrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.LeftBehind;
import dev.orchestrate.Privileged;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs at once on one host, as two lab engineers or two CI jobs start them: each sets up,
 * power-cuts and tears down its own emulated devices, and neither disturbs the other.
 */
@Privileged
class ConcurrentRunsTest {

    private static final String SUITE = """
            name: %s
            target:
              kind: emulated
              size: 128MiB
            matrix:
              tool: [cp, dd, odirect]
            steps:
              - generate:
                  size: 4MiB
              - copy:
                  tool: ${tool}
              - sync
              - verify
              - power-cut
              - verify
              - eject
              - verify
            """;

    @TempDir
    Path dir;

    @Test
    void twoSuitesRunConcurrentlyAndBothPass() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> runs = new ArrayList<>();
        for (String name : List.of("first", "second")) {
            Path suite = Files.writeString(dir.resolve(name + ".yaml"), SUITE.formatted(name));
            runs.add(new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "run", suite.toString(), "--no-html", "--reports", dir.resolve("reports").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start());
        }
        try {
            for (Process run : runs) {
                assertTrue(run.waitFor(180, TimeUnit.SECONDS), "a run finished");
            }
            for (int i = 0; i < runs.size(); i++) {
                String name = i == 0 ? "first" : "second";
                String log = Files.readString(dir.resolve(name + ".log"), StandardCharsets.UTF_8);
                assertEquals(Exit.PASSED, runs.get(i).exitValue(), name + ":\n" + log);
                assertTrue(log.contains("3 passed, 0 failed, 0 broken, 0 skipped"), log);
                LeftBehind.assertNone(runs.get(i).pid(), "the " + name + " run");
            }
        } finally {
            for (Process run : runs) {
                LeftBehind.stop(run);
            }
        }
    }
}
