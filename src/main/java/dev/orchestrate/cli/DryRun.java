package dev.orchestrate.cli;

import dev.orchestrate.engine.Catalog;
import dev.orchestrate.engine.CellFilter;
import dev.orchestrate.host.ResumeHook;
import dev.orchestrate.outcome.NotRunnable;
import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.process.Command;
import dev.orchestrate.process.Runners;
import dev.orchestrate.report.Evidence;
import dev.orchestrate.data.SectorFormat;
import dev.orchestrate.step.Action;
import dev.orchestrate.step.CellContext;
import dev.orchestrate.step.Steps;
import dev.orchestrate.suite.Cell;
import dev.orchestrate.suite.Size;
import dev.orchestrate.suite.Step;
import dev.orchestrate.suite.Suite;
import dev.orchestrate.dut.Placement;
import dev.orchestrate.dut.Resumable;
import dev.orchestrate.dut.Target;
import dev.orchestrate.dut.Targets;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * {@code orchestrate run --dry-run}: the target is checked and set up, and every cell walked through,
 * as in a run, but through {@link Runners#dryRun}: commands that only look (diskutil info, ioreg,
 * sysfs) run, every command that would change a device is printed instead. No cell runs, so no
 * copy tool writes anything; each cell lists its steps, the command line of each file's copy, where
 * its files would lie, and a reboot or
 * power cut that would take the host down prints the resume hook's installation and the host's command.
 * Exit 0 when every check passed, 3 when a check failed or could not run (a disk refused before the
 * dry run began is bad input, exit 2, as in a run).
 */
final class DryRun {

    private static final List<String> LAB = List.of("linux-block", "macos-disk", "macos-ramdisk");

    private DryRun() {
    }

    static int run(Suite suite, CellFilter filter, PrintWriter out, PrintWriter err) throws IOException {
        String kind = suite.target().text("kind");
        if (!LAB.contains(kind)) {
            out.println("dry run: " + Targets.named(suite.target()) + " changes no device of this host's; there is nothing to print."
                    + " Run without --dry-run");
            return Exit.PASSED;
        }
        Path scratch = Files.createTempDirectory("orchestrate-dry-run-");
        Evidence evidence = new Evidence() {
            @Override
            public void attach(String name, String mediaType, String extension, byte[] content) {
                out.println("  would attach '" + name + "'");
            }

            @Override
            public void progress(String activity, long done, long total) {
            }
        };
        out.println("dry run of " + suite.name() + ": commands that look run; every command that would change a device is printed, not run");
        Runners runners = Runners.dryRun(out);
        try (Target target = Targets.open(suite.target(), scratch, "dry-run", Catalog.needs(suite), runners)) {
            out.println("target: " + target.describe());
            target.prepare();
            for (Cell cell : suite.cells().stream().filter(filter::matches).toList()) {
                out.println("cell " + cell.name() + ":");
                target.beforeCell(cell, scratch, evidence);
                CellContext context = new CellContext(cell, 0, new SectorFormat(suite.sectorSize()), target, scratch.resolve(cell.slug()), evidence);
                for (Step step : suite.stepsFor(cell)) {
                    out.println("  would run step " + step.kind());
                    Action action = Steps.action(step);
                    Optional<String> unavailable = action.unavailable();
                    if (unavailable.isPresent()) {
                        out.println("  (not runnable on this host: " + unavailable.get() + ")");
                        action.resume(context);
                    } else {
                        // a copy's tool writes the device: its commands are printed as the target's are
                        action.dryRun(context).forEach(runners.changes()::run);
                    }
                    hostCommand(target, step).ifPresent(command -> {
                        out.println("  the run would stop here (exit 4), its journal and manifest saved, and hand the host over:");
                        ResumeHook.forThisHost("dry-run", scratch).handOver(command, runners.changes());
                    });
                }
                List<Placement> placements = placements(suite, cell, target);
                for (int i = 0; i < placements.size(); i++) {
                    Placement p = placements.get(i);
                    out.println("  file " + (i + 1) + " at byte " + Size.grouped(p.deviceOffset()) + " (LBA "
                            + Size.grouped(p.deviceOffset() / p.blockSize()) + ") of " + p.path());
                }
                target.afterCell(cell, placements, true, evidence);
            }
        } catch (NotRunnable e) {
            err.println("dry run: " + e.getMessage() + "; nothing can be checked on this host");
            return Exit.BROKEN;
        } catch (RigBroken e) {
            err.println("dry run: " + e.getMessage());
            return Exit.BROKEN;
        }
        out.println("dry run: every check passed; nothing was written to any device");
        return Exit.PASSED;
    }

    /** The command a reboot or power cut step would take the host down with, on a target whose such steps end the run. */
    private static Optional<Command> hostCommand(Target target, Step step) {
        return target instanceof Resumable r ? Resumable.Boundary.of(step.kind()).filter(r::endsProcess).flatMap(r::hostCommand) : Optional.empty();
    }

    private static List<Placement> placements(Suite suite, Cell cell, Target target) {
        int files = Steps.footprint(suite.stepsFor(cell)).files();
        return IntStream.rangeClosed(1, files).mapToObj(i -> target.place(cell, i)).filter(Placement::raw).toList();
    }
}
