package dev.orchestrate.dut;

import dev.orchestrate.host.Platform;
import dev.orchestrate.process.Runner;
import dev.orchestrate.process.Runners;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Problem;
import dev.orchestrate.suite.Section;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One kind of target, declared once beside its implementation: its keys, how it is opened, what its
 * devices can do, and what is checked about it before anything runs. {@link Targets#KINDS} lists them.
 */
public interface TargetKind {

    /** What opening a target takes: the suite's target keys, the run directory for scratch volumes and images, and the cells' needs. */
    record Opening(Options options, Path runDir, String runName, List<Layout.Need> needs, Runners runners) {

        public Layout layout() {
            return Layout.of(needs);
        }
    }

    /** The value of the target's {@code kind} key. */
    String name();

    /** Its keys and their help. */
    Section.Variant variant();

    /** What its devices can do, checked against what each step needs before anything runs. */
    Set<Ability> abilities();

    Target open(Opening opening);

    /** The platforms it runs on. */
    default List<Platform> platforms() {
        return List.of(Platform.LINUX, Platform.MACOS);
    }

    /** What this host lacks, as it is, to run a target of these keys (a package, root, a kernel module); empty when nothing. */
    default Optional<String> hostGap(Options target) {
        return Optional.empty();
    }

    /** Whether it places files raw at device offsets, so only raw-writing tools can copy onto it. */
    default boolean raw(Options target) {
        return false;
    }

    /**
     * Whether verify reads the media behind the device's own write cache, so that only a flush makes
     * a copy visible to it. (A directory or an image file is read through the page cache the copy
     * wrote into; a raw block device is written back when the tool closes it, and read through the
     * device that holds the data in its cache.)
     */
    default boolean readsMedia() {
        return false;
    }

    /** Whether it changes devices of this host's through its runners, so that a dry run has commands to print. */
    default boolean changesHostDevices() {
        return false;
    }

    /** Whether its reboot and power cut take the real host down, each with a command the suite names. */
    default boolean takesHostDown() {
        return false;
    }

    /** Why the device the suite names may not be written, one line each, asking the host through {@code looks}, which only look. */
    default List<String> deviceProblems(Options target, Layout layout, Platform host, Runner looks) {
        return List.of();
    }

    /** What is wrong with the values of the target's own keys beyond their types, each at its key. */
    default List<Problem> keyProblems(Options target) {
        return List.of();
    }

    /** What is wrong with the target's {@code path}, if anything. */
    default Optional<String> pathProblem(Options target, Path path) {
        return Optional.empty();
    }

    /** Why the target cannot hold what the cells need, if it cannot. */
    default Optional<String> capacityProblem(Options target, List<Layout.Need> needs) {
        return Optional.empty();
    }
}
