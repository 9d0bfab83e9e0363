package dev.orchestrate.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrate.process.Command;
import dev.orchestrate.process.Outcome;
import dev.orchestrate.process.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * {@code /run/orchestrate/<pid>-<n>/}: the mount points of one emulated device (its FUSE export,
 * its volume, and fusectl for the moment of an abort), named after the process that made them. Whatever a killed run left there is
 * found again by pid and torn down in the safe order: volume, loop device, FUSE mount.
 */
public record StateDir(Path path) {

    public static final Path ROOT = Path.of("/run/orchestrate");
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    public static StateDir create() {
        Path dir = ROOT.resolve(ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet());
        try {
            Files.createDirectories(dir.resolve("fuse"));
            Files.createDirectories(dir.resolve("volume"));
            return new StateDir(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    public Path fuse() {
        return path.resolve("fuse");
    }

    public Path volume() {
        return path.resolve("volume");
    }

    /** Where fusectl is mounted for the moment of an abort on a host that has not mounted it. */
    public Path control() {
        return path.resolve("fusectl");
    }

    /** What a cleanup did, and what it could not do. */
    public record Cleanup(List<String> done, List<String> failed) {
    }

    /** Tears down whatever is still set up here, in the safe order, then removes the directory. */
    public Cleanup clean() {
        List<String> done = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        if (Mounts.mounted(volume())) {
            (Mounts.released(volume()) ? done : failed).add("unmount " + volume());
        }
        for (String loop : loopsBackedBy(path)) {
            Outcome outcome = Processes.run(new Command(List.of("losetup", "-d", loop), TIMEOUT));
            (outcome.succeeded() ? done : failed).add("detach " + loop + (outcome.succeeded() ? "" : ": " + outcome.lastLine()));
        }
        for (Path point : List.of(fuse(), control())) {
            if (Mounts.mounted(point)) {
                (Mounts.released(point) ? done : failed).add("unmount " + point);
            }
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
            done.add("remove " + path);
        } catch (IOException e) {
            failed.add("remove " + path + ": " + e.getMessage());
        }
        return new Cleanup(done, failed);
    }

    /** State left by processes that no longer run; with {@code all}, also by live ones other than this process. */
    public static List<StateDir> stale(boolean all) {
        if (!Files.isDirectory(ROOT)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(Files::isDirectory).filter(d -> abandoned(d, all)).map(StateDir::new).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + ROOT, e);
        }
    }

    private static boolean abandoned(Path dir, boolean all) {
        String name = dir.getFileName().toString();
        int dash = name.indexOf('-');
        try {
            long pid = Long.parseLong(dash < 0 ? name : name.substring(0, dash));
            boolean mine = pid == ProcessHandle.current().pid();
            return !mine && (all || ProcessHandle.of(pid).map(ph -> !ph.isAlive()).orElse(true));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Loop devices whose backing file lies under {@code dir}. */
    static List<String> loopsBackedBy(Path dir) {
        Outcome outcome = Processes.run(new Command(List.of("losetup", "--json", "--list"), TIMEOUT));
        if (!outcome.succeeded() || outcome.output().isBlank()) {
            return List.of();
        }
        try {
            List<String> loops = new ArrayList<>();
            for (JsonNode dev : new ObjectMapper().readTree(outcome.output()).path("loopdevices")) {
                String back = dev.path("back-file").asText("");
                if (back.startsWith(dir.toString() + "/")) {
                    loops.add(dev.path("name").asText());
                }
            }
            return loops;
        } catch (IOException e) {
            return List.of();
        }
    }
}
