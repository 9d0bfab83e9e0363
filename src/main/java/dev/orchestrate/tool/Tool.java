package dev.orchestrate.tool;

import dev.orchestrate.host.Platform;
import dev.orchestrate.process.Command;
import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Options;
import dev.orchestrate.target.Placement;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** One copy engine: where it runs, how it is driven, its options, and what it leaves on the target. */
public interface Tool {

    String name();

    /** One sentence on the I/O pattern it produces, for the suite reference. */
    String help();

    List<Platform> platforms();

    Via via();

    /** The tool's own options in a copy step. */
    List<Key> keys();

    /** Whether it can write raw at a device offset; tools that need a file system cannot. */
    boolean writesRaw();

    /** What a copy with these options leaves on the target; verification follows it. */
    default Leaves leaves(Options options) {
        return Leaves.DATA;
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

    /** The reference text of the tool: its pattern, where it runs and how it is driven. */
    default String describe() {
        return help() + " (" + Platform.describe(platforms()) + "; " + via().help() + ")";
    }
}
