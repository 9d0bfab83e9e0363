package dev.orchestrate.dut;

import dev.orchestrate.device.Refusal;
import dev.orchestrate.host.Platform;
import dev.orchestrate.process.Runner;
import dev.orchestrate.process.Runners;
import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Problem;
import dev.orchestrate.suite.Section;
import dev.orchestrate.suite.Size;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The target kinds a suite can name, one entry each, and the questions asked of a suite's target before anything runs. */
public final class Targets {

    /** Every kind; adding one is a new file with its {@link TargetKind} and a line here. */
    public static final List<TargetKind> KINDS = List.of(
            new EmulatedTarget.Kind(),
            new DirectoryTarget.Kind(),
            new ImageTarget.Kind(),
            new LinuxBlockTarget.Kind(),
            new MacosKind(false),
            new MacosKind(true));

    private static final Map<String, TargetKind> BY_NAME = KINDS.stream().collect(Collectors.toMap(TargetKind::name, Function.identity()));

    public static final Section SECTION = Section.withVariants("target",
            "The device under test. 'kind' chooses the kind of target; each kind has its own keys.",
            List.of(Key.optional("kind", Key.Type.TEXT, null, "the kind of target: " + names()
                    + "; default: the embedded one of the host, emulated on Linux, macos-ramdisk on macOS")),
            "kind",
            KINDS.stream().collect(Collectors.toMap(TargetKind::name, TargetKind::variant)));

    private Targets() {
    }

    /** "emulated, directory, ... or macos-ramdisk". */
    private static String names() {
        List<String> names = KINDS.stream().map(TargetKind::name).toList();
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
    }

    /** The embedded target of a host: what a suite that names none runs on, so the same suites run anywhere without lab hardware. */
    public static String defaultKind(Platform platform) {
        return platform == Platform.MACOS ? "macos-ramdisk" : "emulated";
    }

    /** The kind a suite's target names; its keys were checked against {@link #SECTION}. */
    public static TargetKind kind(Options target) {
        TargetKind kind = BY_NAME.get(target.text("kind"));
        if (kind == null) {
            throw new IllegalArgumentException("unknown target kind " + target.text("kind"));
        }
        return kind;
    }

    /** Opens the target a suite names; {@code runDir} holds default scratch volumes and images. */
    public static Target open(Options options, Path runDir, String runName, List<Layout.Need> needs) {
        return open(options, runDir, runName, needs, Runners.LIVE);
    }

    /**
     * As {@link #open(Options, Path, String, List)}; a lab target changes devices only through
     * {@code runners}, so a dry run prints instead.
     */
    public static Target open(Options options, Path runDir, String runName, List<Layout.Need> needs, Runners runners) {
        return kind(options).open(new TargetKind.Opening(options, runDir, runName, needs, runners));
    }

    /** Whether the target places files raw at device offsets, so only raw-writing tools can copy onto it. */
    public static boolean raw(Options target) {
        return kind(target).raw(target);
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
        return kind(options).deviceProblems(options, Layout.of(needs), host, looks);
    }

    /**
     * The lines of {@link #deviceProblems}: each refusal by rule, then whether {@code needed} bytes fit;
     * {@code disk} names the target and its disk.
     */
    static List<String> diskProblems(String disk, List<Refusal> refusals, long diskBytes, long needed) {
        List<String> problems = new ArrayList<>(refusals.stream()
                .map(r -> disk + " refused (" + r.rule().name().toLowerCase(Locale.ROOT).replace('_', '-') + "): " + r.reason()).toList());
        if (needed > diskBytes) {
            problems.add(disk + " holds " + Size.grouped(diskBytes) + " bytes but the suite's cells need "
                    + Size.grouped(needed) + "; use a larger disk or fewer or smaller files");
        }
        return problems;
    }

    /**
     * Null when the target can take a step of kind {@code step}, else what to add: a lab host's reboot
     * and power cut need the host's command.
     */
    public static String boundaryProblem(Options options, String step) {
        return Resumable.Boundary.of(step).filter(b -> kind(options).takesHostDown() && options.find(b.key()).isEmpty())
                .map(b -> "step '" + step + "' on " + named(options) + " takes the host down with a command the suite names,"
                        + " and the target names none; add '" + b.key() + ": " + b.example()
                        + "' (your host's command) under target:, or remove the step")
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
        return options.optionalText("path").flatMap(path -> kind(options).pathProblem(options, Path.of(path))).orElse(null);
    }

    /** What is wrong with the values of the target's keys, each at its key. */
    public static List<Problem> keyProblems(Options options) {
        return kind(options).keyProblems(options);
    }

    /** Null when the target can hold the cells' needs, else what is wrong; checked before anything runs. */
    public static String capacityProblem(Options options, List<Layout.Need> needs) {
        return kind(options).capacityProblem(options, needs).orElse(null);
    }
}
