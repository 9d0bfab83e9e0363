package dev.orchestrate.tool;

import dev.orchestrate.dut.Placement;
import dev.orchestrate.host.Platform;
import dev.orchestrate.process.Command;
import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Options;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** One copy engine: where it runs, how it is driven, its options, and what it leaves on the target. */
public interface Tool {

    /**
     * What a tool is, for the suite reference and the checks: its name, one sentence on the I/O
     * pattern it produces, where it runs, how it is driven, its own options in a copy step, and
     * whether it can write raw at a device offset (tools that need a file system cannot).
     */
    record Profile(String name, String help, List<Platform> platforms, Via via, List<Key> keys, boolean writesRaw) {

        public Profile {
            platforms = List.copyOf(platforms);
            keys = List.copyOf(keys);
        }

        /** A tool that writes through a file system. */
        static Profile of(String name, String help, List<Platform> platforms, Via via, List<Key> keys) {
            return new Profile(name, help, platforms, via, keys, false);
        }
    }

    Profile profile();

    default String name() {
        return profile().name();
    }

    default String help() {
        return profile().help();
    }

    default List<Platform> platforms() {
        return profile().platforms();
    }

    default Via via() {
        return profile().via();
    }

    default List<Key> keys() {
        return profile().keys();
    }

    default boolean writesRaw() {
        return profile().writesRaw();
    }

    /** What a copy with these options leaves on the target; verification follows it. */
    default Leaves leaves(Options options) {
        return Leaves.DATA;
    }

    /** Whether the copy itself flushes what it wrote to the device (an fsync or synchronous writes), so no sync step is needed after it. */
    default boolean flushes(Options options) {
        return false;
    }

    /** Empty when this host can run the tool with these options, else why not and what to do ("asr: macOS only"). */
    default Optional<String> unavailable(Options options) {
        if (!platforms().contains(Platform.current())) {
            return Optional.of(name() + ": " + Platform.describe(platforms()));
        }
        return missing(options);
    }

    /** On a platform the tool supports: empty when this host has what it needs, else what is missing and how to install it. */
    Optional<String> missing(Options options);

    /** The command that copies {@code source} to {@code to}; may build a helper program first. */
    Command command(Path source, Placement to, Options options);

    /** For a tool that leaves {@link Leaves#OWN} data: the command with which it checks what it wrote. */
    default Optional<Command> check(Path source, Placement to, Options options) {
        return Optional.empty();
    }

    /** How the output of its {@link #check} reads: which blocks it names bad, and whether it failed. */
    default CheckOutput checkOutput() {
        return CheckOutput.EXIT_CODE;
    }

    /** The reference text of the tool: its pattern, where it runs and how it is driven. */
    default String describe() {
        return help() + " (" + Platform.describe(platforms()) + "; " + via().help() + ")";
    }
}
