package dev.orchestrate.cli;

import dev.orchestrate.data.SectorFormat;
import dev.orchestrate.dut.Device;
import dev.orchestrate.dut.Layout;
import dev.orchestrate.dut.Placement;
import dev.orchestrate.dut.Target;
import dev.orchestrate.dut.TargetSet;
import dev.orchestrate.dut.Targets;
import dev.orchestrate.engine.Catalog;
import dev.orchestrate.host.ResumeHook;
import dev.orchestrate.outcome.NotRunnable;
import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.process.Command;
import dev.orchestrate.process.Runners;
import dev.orchestrate.report.Evidence;
import dev.orchestrate.step.CellContext;
import dev.orchestrate.step.CellWalk;
import dev.orchestrate.suite.Cell;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Size;
import dev.orchestrate.suite.Suite;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * {@code orchestrate run --dry-run}: the targets are checked and set up, and every cell walked through
 * in the dry-run mode of {@link CellWalk}, through {@link Runners#dryRun}: commands that only look
 * (diskutil info, ioreg, sysfs) run, every command that would change a device is printed instead. No
 * step does its work, so no copy tool writes anything; each cell lists its steps, the command line of
 * each file's copy, where its files would lie, and a reboot or power cut that would take the host down
 * prints the resume hook's installation and the host's command. Exit 0 when every check passed, 3 when
 * a check failed or could not run (a disk refused before the dry run began is bad input, exit 2, as in a run).
 */
final class DryRun implements CellWalk.Observer, Evidence {

    private final PrintWriter out;
    private final Path scratch;
    private final Runners runners;

    private DryRun(PrintWriter out, Path scratch) {
        this.out = out;
        this.scratch = scratch;
        this.runners = Runners.dryRun(out);
    }

    /** Dry-runs {@code cells}, the ones the run would run. */
    static int run(Suite suite, List<Cell> cells, PrintWriter out, PrintWriter err) throws IOException {
        // all of a suite's targets are of one kind
        Options kind = suite.targets().getFirst();
        if (!Targets.kind(kind).changesHostDevices()) {
            out.println("dry run: " + Targets.named(kind) + " changes no device of this host's; there is nothing to print."
                    + " Run without --dry-run");
            return Exit.PASSED;
        }
        out.println("dry run of " + suite.name() + ": commands that look run; "
                + "every command that would change a device is printed, not run");
        DryRun dry = new DryRun(out, Files.createTempDirectory("orchestrate-dry-run-"));
        List<Layout.Need> needs = Catalog.needs(suite);
        try (TargetSet targets = TargetSet.open(suite, cells, target -> Targets.open(target, dry.scratch, "dry-run",
                Catalog.needs(suite, target), dry.runners))) {
            out.println("target: " + targets.describe());
            targets.prepare(Target::prepare);
            for (Cell cell : cells) {
                int files = needs.stream().filter(n -> n.ordinal() == cell.ordinal()).findFirst().orElseThrow().files();
                dry.cell(suite, cell, targets.of(cell), files);
            }
        } catch (NotRunnable e) {
            err.println("dry run: " + e.getMessage() + "; nothing can be checked on this host");
            return Exit.BROKEN;
        } catch (RigBroken e) {
            err.println("dry run: " + e.getMessage());
            return Exit.BROKEN;
        } catch (Exception e) {
            err.println("dry run: " + e);
            return Exit.BROKEN;
        }
        out.println("dry run: every check passed; nothing was written to any device");
        return Exit.PASSED;
    }

    /** One cell's walk, then where its {@code files} would lie. */
    private void cell(Suite suite, Cell cell, Target target, int files) throws Exception {
        out.println("cell " + cell.name() + ":");
        CellContext context = new CellContext(cell, 0, new SectorFormat(suite.sectorSize()), target,
                scratch.resolve(cell.slug()), this, runners);
        CellWalk walk = new CellWalk(context, suite.stepsFor(cell), scratch, this);
        walk.walk(CellWalk.Mode.DRY_RUN, 0);
        Device device = context.device();
        List<Placement> raw = IntStream.rangeClosed(1, files).mapToObj(device::place).filter(Placement::raw).toList();
        for (int i = 0; i < raw.size(); i++) {
            Placement p = raw.get(i);
            out.println("  file " + (i + 1) + " at byte " + Size.grouped(p.deviceOffset()) + " (LBA "
                    + Size.grouped(p.deviceOffset() / p.blockSize()) + ") of " + p.path());
        }
        walk.tearDown(true);
    }

    @Override
    public void part(Optional<String> kind, String title, CellWalk.Part body) throws Exception {
        kind.ifPresent(k -> out.println("  would run step " + k));
        body.run();
    }

    @Override
    public void unavailable(String reason) {
        out.println("  (not runnable on this host: " + reason + ")");
    }

    @Override
    public void wouldHandOver(Command command) {
        out.println("  the run would stop here (exit 4), its journal and manifest saved, and hand the host over:");
        ResumeHook.forThisHost("dry-run", scratch).handOver(command, runners.changes());
    }

    @Override
    public void attach(String name, String mediaType, String extension, byte[] content) {
        out.println("  would attach '" + name + "'");
    }
}
