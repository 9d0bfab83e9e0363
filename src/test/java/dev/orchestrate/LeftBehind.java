package dev.orchestrate;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.orchestrate.host.StateDir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** What a run may never leave behind: mounts and loop devices under its state directory. */
public final class LeftBehind {

    private LeftBehind() {
    }

    /**
     * Ends a run a test started, also when the test failed half way: SIGTERM first (the run tears
     * its device down), SIGKILL when it does not end, then whatever a killed run left is cleaned.
     */
    public static void stop(Process run) throws InterruptedException {
        if (run.isAlive()) {
            run.toHandle().destroy();
            if (!run.waitFor(30, TimeUnit.SECONDS)) {
                run.destroyForcibly();
                run.waitFor(30, TimeUnit.SECONDS);
            }
        }
        StateDir.stale(false).stream().filter(d -> d.path().getFileName().toString().startsWith(run.pid() + "-")).forEach(StateDir::clean);
    }

    /** Fails when a mount or loop device of process {@code pid} is still there; {@code what} says who should have removed it. */
    public static void assertNone(long pid, String what) throws IOException {
        String prefix = StateDir.ROOT + "/" + pid + "-";
        assertFalse(Files.readString(Path.of("/proc/mounts")).contains(prefix), what + ": a mount is left under " + prefix);
        String loops = new String(new ProcessBuilder("timeout", "30", "losetup", "-a").start().getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        assertFalse(loops.contains(prefix), what + ": a loop device is left under " + prefix + ": " + loops);
        Path instances = Path.of("/sys/kernel/tracing/instances");
        if (Files.isDirectory(instances)) {
            try (var listed = Files.list(instances)) {
                assertFalse(listed.anyMatch(i -> i.getFileName().toString().startsWith("orchestrate-" + pid + "-")),
                        what + ": a block trace is left in " + instances);
            }
        }
    }
}
