package dev.orchestrate.cli;

import dev.orchestrate.host.StateDir;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code orchestrate cleanup}: tears down what killed runs left (mounts, loop devices, FUSE exports under /run/orchestrate). */
@Command(name = "cleanup", mixinStandardHelpOptions = true, exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing left behind", "3:something could not be torn down (see FAILED lines)"},
        description = {"Tears down what runs that were killed left behind under "
                        + "/run/orchestrate: the volume mount, the loop device, the FUSE export.",
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
        boolean failed = false;
        for (StateDir dir : stale) {
            out.println(dir.path() + ":");
            StateDir.Cleanup cleanup = dir.clean();
            cleanup.done().forEach(line -> out.println("  done: " + line));
            cleanup.failed().forEach(line -> out.println("  FAILED: " + line));
            failed |= !cleanup.failed().isEmpty();
        }
        out.flush();
        return failed ? Exit.BROKEN : Exit.PASSED;
    }
}
