package dev.orchestrate.tool;

import dev.orchestrate.process.Command;
import dev.orchestrate.process.Executables;
import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Options;
import dev.orchestrate.target.Placement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A copy tool that writes through a file system, declared by its program, the package that
 * holds it, and how its command line is built. Most Linux copy engines are this.
 *
 * @param argv builds the arguments after the timeout: from the source, the destination and the options
 */
record FileSystemTool(String name, String help, String program, String installHint, List<Key> keys,
                      BiFunction<List<String>, Options, List<String>> argv) implements Tool {

    @Override
    public boolean writesRaw() {
        return false;
    }

    @Override
    public Optional<String> unavailable() {
        return Executables.missing(program, installHint);
    }

    @Override
    public Command command(Path source, Placement to, Options options) {
        List<String> paths = new ArrayList<>(List.of(source.toString(), to.path().toString()));
        return new Command(argv.apply(paths, options), options.duration("timeout"));
    }
}
