package dev.orchestrate.cli;

import dev.orchestrate.host.StateDir;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code orchestrate cleanup}: tears down what killed runs left (mounts, loop devices, FUSE exports under /run/orchestrate). */
@Command(name = "cleanup", mixinStandardHelpOptions = true,
        description = {"Tears down what runs that were killed left behind under " + "/run/orchestrate: the volume mount, the loop device, the FUSE export.",
                "Every run does this for dead runs at start; this command is for doing it by hand."})
final class CleanupCommand implements Callable<Integer> {

    @Option(names = "--all", description = "also tear down the state of runs that are still alive (stop them first)")
    boolean all;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        List<StateDir> stale = StateDir.stale(all);
        if (stale.isEmpty()) {
            out.println("nothing to clean under " + StateDir.ROOT);
        }
        for (StateDir dir : stale) {
            out.println(dir.path() + ":");
            dir.clean().forEach(line -> out.println("  " + line));
        }
        out.flush();
        return Exit.PASSED;
    }
}
