package dev.orchestrate.host;

import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.process.Command;
import dev.orchestrate.process.Outcome;
import dev.orchestrate.process.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Mounting and unmounting, and what /proc/mounts says (mountpoint(1) says "not mounted" for a stale FUSE mount). */
public final class Mounts {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_LAYERS = 16;

    /** One line of /proc/mounts. */
    public record Entry(String source, Path point, String type) {
    }

    private Mounts() {
    }

    public static List<Entry> list() {
        try {
            List<Entry> entries = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of("/proc/mounts"))) {
                String[] f = line.split(" ");
                if (f.length >= 3) {
                    entries.add(new Entry(unescape(f[0]), Path.of(unescape(f[1])), f[2]));
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/mounts", e);
        }
    }

    public static boolean mounted(Path point) {
        Path absolute = point.toAbsolutePath().normalize();
        return list().stream().anyMatch(e -> e.point().equals(absolute));
    }

    public static void mount(String device, Path point, String type, String options) {
        List<String> argv = new ArrayList<>(List.of("mount", "-t", type));
        if (!options.isBlank()) {
            argv.addAll(List.of("-o", options));
        }
        argv.addAll(List.of(device, point.toString()));
        Processes.require(new Command(argv, TIMEOUT));
        if (!mounted(point)) {
            throw new RigBroken("mount of " + device + " on " + point + " reported success but " + point + " is not in /proc/mounts");
        }
    }

    public static void unmount(Path point) {
        Outcome outcome = Processes.run(new Command(List.of("umount", point.toString()), TIMEOUT));
        if (!outcome.succeeded() && mounted(point)) {
            throw new RigBroken("umount " + point + " failed with " + outcome.exitCode() + ": " + outcome.lastLine());
        }
    }

    /**
     * Unmounts {@code point} until it is gone from /proc/mounts: plainly first, lazily when busy,
     * layer by layer (a mount made again on a dead one stacks on it). A FUSE mount whose connection
     * was aborted stays listed after its daemon lets go, and the next mount on the same point fails
     * with ENOTCONN; this is what removes it.
     */
    public static void release(Path point) {
        for (int layer = 0; layer < MAX_LAYERS && mounted(point); layer++) {
            Outcome outcome = Processes.run(new Command(List.of("umount", point.toString()), TIMEOUT));
            if (!outcome.succeeded()) {
                detachLazily(point);
            }
        }
        if (mounted(point)) {
            throw new RigBroken("cannot unmount " + point + ": it is still in /proc/mounts after " + MAX_LAYERS
                    + " attempts with 'umount' and 'umount -l'; see 'orchestrate cleanup'");
        }
    }

    /** Whether {@code point} could be released ({@link #release}); for cleanups that go on and report what they could not do. */
    public static boolean released(Path point) {
        try {
            release(point);
            return true;
        } catch (RigBroken e) {
            return false;
        }
    }

    /** For cleanup: detach now even if busy, so a stale mount never blocks the next run; true when it is gone. */
    public static boolean detachLazily(Path point) {
        Processes.run(new Command(List.of("umount", "-l", point.toString()), TIMEOUT));
        return !mounted(point);
    }

    /** /proc/mounts and mountinfo escape space, tab, newline and backslash as octal. */
    public static String unescape(String field) {
        return field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
    }
}
