package dev.orchestrate.tool;

import dev.orchestrate.dut.Placement;
import dev.orchestrate.process.Command;
import dev.orchestrate.process.Executables;
import dev.orchestrate.suite.Options;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A macOS copy engine reached through one of orchestrate's helpers (a small native program or a
 * script under {@code helpers/macos/}), made ready on first use.
 *
 * @param needs the program the host must have to build or run the helper, and how to get it
 * @param args the helper's arguments after its launcher, from the source and destination paths and the step's options
 */
record HelperTool(Profile profile, Helper helper, String needs, String installHint,
                  BiFunction<List<String>, Options, List<String>> args) implements Tool {

    /** The compiler driver of the Xcode command-line tools. */
    static final List<String> XCODE = List.of("xcrun", "clang");

    @Override
    public Optional<String> missing(Options options) {
        return Executables.missing(needs, installHint);
    }

    @Override
    public Command command(Path source, Placement to, Options options) {
        return command(helper.launcher(Helper.cacheRoot(), XCODE), source, to, options);
    }

    /** The command line once the helper is ready at {@code launcher}. */
    Command command(List<String> launcher, Path source, Placement to, Options options) {
        List<String> argv = new ArrayList<>(launcher);
        argv.addAll(args.apply(List.of(source.toString(), to.path().toString()), options));
        return new Command(argv, options.duration("timeout"));
    }
}
