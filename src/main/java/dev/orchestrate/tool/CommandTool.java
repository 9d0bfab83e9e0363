package dev.orchestrate.tool;

import dev.orchestrate.dut.Placement;
import dev.orchestrate.process.Command;
import dev.orchestrate.process.Executables;
import dev.orchestrate.suite.Options;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A copy tool that is one program writing through a file system, declared by its profile, the
 * program, the package that holds it and how its command line is built. Most copy engines are this.
 *
 * @param argv builds the command line from the source and destination paths and the options
 */
record CommandTool(Profile profile, String program, String installHint,
                   BiFunction<List<String>, Options, List<String>> argv) implements Tool {

    @Override
    public Optional<String> missing(Options options) {
        return Executables.missing(program, installHint);
    }

    @Override
    public Command command(Path source, Placement to, Options options) {
        return new Command(argv.apply(List.of(source.toString(), to.path().toString()), options), options.duration("timeout"));
    }
}
