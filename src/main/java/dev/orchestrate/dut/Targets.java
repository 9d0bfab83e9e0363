package dev.orchestrate.dut;

import dev.orchestrate.device.LinuxDisks;
import dev.orchestrate.emulator.Emulator;
import dev.orchestrate.host.FileSystems;
import dev.orchestrate.host.Platform;
import dev.orchestrate.device.Refusal;
import dev.orchestrate.process.Runner;
import dev.orchestrate.process.Runners;
import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Section;
import dev.orchestrate.suite.Size;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The target kinds a suite can name, their keys, and how each is opened. */
public final class Targets {

    public static final Section SECTION = Section.withVariants("target",
            "The device under test. 'kind' chooses the kind of target; each kind has its own keys.",
            List.of(Key.optional("kind", Key.Type.TEXT, null, "the kind of target: emulated, directory, image, linux-block, macos-disk or macos-ramdisk; "
                    + "default: the embedded one of the host, emulated on Linux, macos-ramdisk on macOS")),
            "kind",
            Map.of(
                    "emulated", new Section.Variant("the embedded emulated storage controller: per cell a fresh media image behind a volatile write cache, "
                            + "exported over FUSE, attached with a loop device, formatted and mounted; needs Linux and root",
                            List.of(Key.choice("file-system", "ext4", FileSystems.KINDS, "the file system made on the device"),
                                    Key.optional("size", Key.Type.SIZE, "1GiB", "the size of the emulated disk (the media image is sparse)"),
                                    Key.optional("cache", Key.Type.SIZE, "256MiB", "the controller's volatile write cache; when full it destages"),
                                    Key.optional("mount-options", Key.Type.TEXT, "", "options for mount -o, e.g. nobarrier (the file system then sends no flushes)"),
                                    Key.optional("watchdog", Key.Type.DURATION, "60s", "a command unanswered for longer than this aborts the FUSE connection and breaks the cell"),
                                    Key.choice("reboot", "in-process", List.of("in-process", "resume"), "in-process: a reboot step shuts the device down "
                                            + "cleanly and brings it back within the run; resume: it shuts the device down, keeps the media image and ends the run "
                                            + "(exit 4), as a real host reboot would, and 'orchestrate resume' continues it"))),
                    "directory", new Section.Variant("an already-mounted volume; files are copied onto it and read back through its file system",
                            List.of(Key.optional("path", Key.Type.TEXT, null,
                                    "the mounted volume (a directory on it); default: a scratch directory in the run directory, for trying suites out"))),
                    "image", new Section.Variant("a raw image file used as a device: tools write at device offsets, verification scans the image",
                            List.of(Key.optional("path", Key.Type.TEXT, null, "the image file; created sparse if absent; default: target.img in the run directory"),
                                    Key.optional("size", Key.Type.SIZE, null, "the image size; default: what the suite's cells need"),
                                    Key.choice("block-size", "512", List.of("512", "4KiB"), "the device block size, the unit of the LBAs in verdicts"))),
                    "linux-block", LinuxBlockTarget.VARIANT,
                    "macos-disk", MacosTarget.DISK,
                    "macos-ramdisk", MacosTarget.RAMDISK));

    /** The kinds whose reboot and power cut take the real host down, each with a command the suite names. */
    private static final List<String> HOST_BOUNDARIES = List.of("linux-block", "macos-disk");

    private Targets() {
    }

    /** The embedded target of a host: what a suite that names none runs on, so the same suites run anywhere without lab hardware. */
    public static String defaultKind(Platform platform) {
        return platform == Platform.MACOS ? "macos-ramdisk" : "emulated";
    }

    /** Opens the target a suite names; {@code runDir} holds default scratch volumes and images. */
    public static Target open(Options options, Path runDir, String runName, List<Layout.Need> needs) {
        return open(options, runDir, runName, needs, Runners.LIVE);
    }

    /** As {@link #open(Options, Path, String, List)}; a lab target changes devices only through {@code runners}, so a dry run prints instead. */
    public static Target open(Options options, Path runDir, String runName, List<Layout.Need> needs, Runners runners) {
        return switch (options.text("kind")) {
            case "emulated" -> new EmulatedTarget(new Emulator.Settings(options.size("size"), options.size("cache"),
                    options.text("file-system"), options.text("mount-options"), options.duration("watchdog")),
                    options.text("reboot").equals("resume"));
            case "directory" -> new DirectoryTarget(options.optionalText("path").map(Path::of).orElse(runDir.resolve("volume")), runName);
            case "image" -> {
                Layout layout = Layout.of(needs);
                long size = options.find("size").map(v -> Size.parse(v.text()).bytes()).orElse(layout.total());
                Path image = options.optionalText("path").map(Path::of).orElse(runDir.resolve("target.img"));
                yield new ImageTarget(image, size, (int) options.size("block-size"), layout);
            }
            case "linux-block" -> LinuxBlockTarget.open(options, LinuxDisks.host(), runners, Layout.of(needs));
            case "macos-disk", "macos-ramdisk" -> MacosTarget.open(options, runners, Layout.of(needs), Platform.current(), runName);
            default -> throw new IllegalArgumentException("unknown target kind " + options.text("kind"));
        };
    }

    /** The optional abilities (lifecycle steps) each kind of target has. */
    public static boolean can(String kind, Class<?> ability) {
        // a lab host's reboot and power cut are process boundaries the resume machinery takes it through, with the commands the suite names
        if (HOST_BOUNDARIES.contains(kind) && (ability == Rebootable.class || ability == PowerSwitch.class)) {
            return true;
        }
        Class<?> type = switch (kind) {
            case "emulated" -> EmulatedTarget.class;
            case "directory" -> DirectoryTarget.class;
            case "linux-block" -> LinuxBlockTarget.class;
            case "macos-disk", "macos-ramdisk" -> MacosTarget.class;
            default -> ImageTarget.class;
        };
        return ability.isAssignableFrom(type);
    }

    /** Whether the target places files raw at device offsets, so only raw-writing tools can copy onto it. */
    public static boolean raw(Options target) {
        return List.of("image", "linux-block").contains(target.text("kind"))
                || target.text("kind").startsWith("macos-") && target.text("file-system").equals("raw");
    }

    /**
     * Whether verify reads the media behind the device's own write cache, so that only a flush makes
     * a copy visible to it: the emulated target's media image. (A directory or an image file is read
     * through the page cache the copy wrote into; a raw block device is written back when the tool
     * closes it, and read through the device that holds the data in its cache.)
     */
    public static boolean readsMedia(Options target) {
        return target.text("kind").equals("emulated");
    }

    /** "an image target", "a linux-block target", for messages. */
    public static String named(Options target) {
        String kind = target.text("kind");
        return (kind.matches("[aeiou].*") ? "an " : "a ") + kind + " target";
    }

    /**
     * Why the device the suite names may not be written (the refusal rules and its capacity), one
     * line each; empty when it may, or for a kind that writes no device of the host's. Checked before
     * anything runs, so a refused disk is bad input and nothing is written.
     */
    public static List<String> deviceProblems(Options options, List<Layout.Need> needs) {
        return deviceProblems(options, needs, Platform.current(), Runner.LIVE);
    }

    /** As {@link #deviceProblems(Options, List)} on {@code host}, asking diskutil and ioreg through {@code looks}, which only look. */
    public static List<String> deviceProblems(Options options, List<Layout.Need> needs, Platform host, Runner looks) {
        return switch (options.text("kind")) {
            case "linux-block" -> LinuxBlockTarget.problems(options, LinuxDisks.host(), Layout.of(needs));
            // elsewhere diskutil is not there to ask, and the run skips a Mac's disk as "macos-disk: macOS only"
            case "macos-disk" -> host == Platform.MACOS ? MacosTarget.problems(options, looks, Layout.of(needs)) : List.of();
            default -> List.of();
        };
    }

    /** The lines of {@link #deviceProblems}: each refusal by rule, then whether {@code needed} bytes fit; {@code disk} names the target and its disk. */
    static List<String> diskProblems(String disk, List<Refusal> refusals, long diskBytes, long needed) {
        List<String> problems = new ArrayList<>(refusals.stream()
                .map(r -> disk + " refused (" + r.rule().name().toLowerCase(Locale.ROOT).replace('_', '-') + "): " + r.reason()).toList());
        if (needed > diskBytes) {
            problems.add(disk + " holds " + Size.grouped(diskBytes) + " bytes but the suite's cells need "
                    + Size.grouped(needed) + "; use a larger disk or fewer or smaller files");
        }
        return problems;
    }

    /** Null when the target can take a step of kind {@code step}, else what to add: a lab host's reboot and power cut need the host's command. */
    public static String boundaryProblem(Options options, String step) {
        String kind = options.text("kind");
        return Resumable.Boundary.of(step).filter(b -> HOST_BOUNDARIES.contains(kind) && options.find(b.key()).isEmpty())
                .map(b -> "step '" + step + "' on " + named(options) + " takes the host down with a command the suite names, and the target names"
                        + " none; add '" + b.key() + ": " + b.example() + "' (your host's command) under target:, or remove the step")
                .orElse(null);
    }

    /** Null when the lab target's read-back can be used, else what is wrong with it. */
    public static String readBackProblem(Options options) {
        return options.optionalText(TrustedHost.KEY.name()).filter(v -> !v.equals("local") && TrustedHost.parse(v) == null)
                .map(v -> "read-back '" + v + "' is neither local nor ssh://user@host/dev/NODE, e.g. ssh://lab@trusted/dev/sdc")
                .or(() -> options.optionalText(TrustedHost.KEY.name()).filter(v -> !v.equals("local") && !raw(options))
                        .map(v -> "read-back through a trusted host reads raw placements, and " + named(options)
                                + " with a file system has none; use file-system: raw, or read-back: local"))
                .orElse(null);
    }

    /** Null when the target's path can be used, else what is wrong; checked before anything runs, so nothing is written. */
    public static String pathProblem(Options options) {
        return options.optionalText("path").map(Path::of).map(path -> switch (options.text("kind")) {
            case "directory" -> Files.isDirectory(path) ? null
                    : "target path " + path + " is not a directory; mount the volume under test and name a directory on it";
            case "image" -> !Files.exists(path) || Files.isRegularFile(path) ? null
                    : "target path " + path + " exists and is not a regular file; the image target writes only to image files";
            default -> null;
        }).orElse(null);
    }

    /**
     * Each emulated cell has a disk of its own: the largest cell's files must fit on it, besides the
     * file system's own metadata, or the copy breaks with ENOSPC half way.
     */
    private static String emulatedCapacityProblem(Options options, List<Layout.Need> needs) {
        long disk = options.size("size");
        return needs.stream().filter(n -> n.bytes() > disk).max(Comparator.comparingLong(Layout.Need::bytes))
                .map(n -> "the emulated disk of " + new Size(disk) + " cannot hold a cell's " + n.files() + " file" + (n.files() == 1 ? "" : "s")
                        + " of up to " + new Size(n.largest()) + " (" + Size.grouped(n.bytes()) + " bytes, before the file system's own"
                        + " metadata); raise the target's 'size' (the media image is sparse) or make the files smaller")
                .orElse(null);
    }

    /** Null when the target can hold the layout, else what is wrong; checked before anything runs. */
    public static String capacityProblem(Options options, List<Layout.Need> needs) {
        if (options.text("kind").equals("emulated")) {
            return emulatedCapacityProblem(options, needs);
        }
        if (!options.text("kind").equals("image")) {
            return null;
        }
        long needed = Layout.of(needs).total();
        return options.find("size")
                .filter(v -> Size.parse(v.text()).bytes() < needed)
                .map(v -> "image size " + v.text() + " is too small: the suite's cells need " + new Size(needed)
                        + " (" + Size.grouped(needed) + " bytes); raise 'size' or leave it out")
                .orElse(null);
    }
}
