package dev.orchestrate.tool;

import dev.orchestrate.process.Command;
import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Options;
import dev.orchestrate.target.Placement;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** One copy engine. */
public interface Tool {

    String name();

    /** One sentence on the I/O pattern it produces, for the suite reference. */
    String help();

    /** The tool's own options in a copy step. */
    List<Key> keys();

    /** Whether it can write raw at a device offset; tools that need a file system cannot. */
    boolean writesRaw();

    /** Empty when this host can run the tool, else why not and how to fix it. */
    Optional<String> unavailable();

    /** The command that copies {@code source} to {@code to}. */
    Command command(Path source, Placement to, Options options);
}
