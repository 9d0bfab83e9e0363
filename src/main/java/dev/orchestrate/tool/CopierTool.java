package dev.orchestrate.tool;

import dev.orchestrate.dut.Placement;
import dev.orchestrate.process.Command;
import dev.orchestrate.suite.Options;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A copy engine of Java itself, run through orchestrate's own copier program in a JVM of its own,
 * so it is a separate process like every other tool; it runs wherever the JDK does.
 *
 * @param args builds the copier's method and options from the step's options
 * @param flushing whether a copy with these options forces its writes to the device
 */
record CopierTool(Profile profile, Function<Options, List<String>> args, Predicate<Options> flushing) implements Tool {

    private static final String MAIN = "dev.orchestrate.copier.Copier";

    @Override
    public Optional<String> missing(Options o) {
        return Optional.empty();
    }

    @Override
    public boolean flushes(Options o) {
        return flushing.test(o);
    }

    @Override
    public Command command(Path source, Placement to, Options o) {
        List<String> argv = new ArrayList<>(List.of(java(), "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), MAIN));
        argv.addAll(args.apply(o));
        argv.addAll(List.of(source.toString(), to.path().toString()));
        return new Command(argv, o.duration("timeout"));
    }

    /** The java launcher of this JVM, so the copier runs on the same JDK. */
    private static String java() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
