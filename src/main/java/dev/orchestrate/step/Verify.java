package dev.orchestrate.step;

import dev.orchestrate.diagnosis.Defect;
import dev.orchestrate.dut.ReadBack;
import dev.orchestrate.dut.Region;
import dev.orchestrate.outcome.DataDamaged;
import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Section;
import dev.orchestrate.suite.Step;
import dev.orchestrate.tool.Leaves;
import dev.orchestrate.verify.Expected;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads back what the target holds and fails the cell on any damage: stamped data sector by sector
 * through the known-good path, data the file system stores transformed through the file system, and
 * a tool's own data with the tool's own check, whose bad blocks are read through the known-good path
 * where it names them; then looks for the run's sectors outside the files, as evidence.
 *
 * @param scan where to look outside the files: files (nowhere), region or device
 */
record Verify(boolean durable, String scan) implements Action {

    static final Section SECTION = Section.of("verify",
            "Reads back every copied file through the known-good path and classifies each sector; fails the cell on any damage.",
            List.of(Key.choice("oracle", "strict", List.of("strict", "durable"),
                    "strict: every sector must be there; "
                            + "durable: only what the cell's steps promised must be there: a file fsynced, synced, unmounted, ejected or "
                            + "rebooted cleanly after its copy (or copied by a tool that flushes) before a power cut; losses of files "
                            + "never promised before a power cut are listed and do not fail the cell"),
                    Key.choice("scan", "region", List.of("files", "region", "device"),
                            "where else to look for the run's sectors, read raw on the known-good path: files: nowhere else; "
                                    + "region: the part of the device the cell used "
                                    + "(its region of an image, the emulated target's own device); device: all of the device. "
                                    + "Sectors found outside the files "
                                    + "(a misdirected write's landing place, a copy, blocks a rewrite left) are reported, "
                                    + "and do not fail the cell by themselves")));

    static Verify of(Options o) {
        return new Verify(o.text("oracle").equals("durable"), o.text("scan"));
    }

    @Override
    public String title() {
        return durable ? "verify (durable: only promised data must be there)" : "verify";
    }

    /**
     * A verify needs something copied; one that must read through the file system needs the volume
     * mounted; one that reads the media while nothing since the copy flushed the host's caches can only fail.
     */
    @Override
    public void check(Step step, Plan plan) {
        if (!plan.copied) {
            plan.problem(step.at(), "'" + step.kind() + "' comes before any 'copy': there is nothing on the target yet");
        }
        if (plan.readsThroughFileSystem != null && plan.unmountedBy != null) {
            plan.problem(step.at(), "this verify comes after '" + plan.unmountedBy + "', but in cell " + plan.cell().name() + " "
                    + plan.readsThroughFileSystem + "; add '- mount' before it");
        }
        if (plan.unflushed != null && !durable && plan.readsMedia()) {
            plan.warn(step.at(), "nothing between the copy at line " + plan.unflushed.at().line()
                    + " and this verify flushes the host's caches, and on " + plan.targetNamed()
                    + " verify reads the media itself: what the host still holds in its page cache (or the device in its"
                    + " write cache) reads as missing, so the cell can only fail; add '- sync' (or unmount, eject) before it");
        }
    }

    @Override
    public void run(CellContext cell) {
        if (cell.onTarget().isEmpty()) {
            throw new RigBroken("verify: nothing was copied to the target before this step");
        }
        Leaves leaves = cell.copiedWith() == null ? Leaves.DATA : cell.copiedWith().leaves();
        if (leaves.throughFileSystem() && cell.device().mountable().filter(m -> !m.mounted()).isPresent()) {
            throw new RigBroken("verify: " + cell.copiedWith().tool().name() + " leaves " + leaves.help()
                    + ", and the volume is not mounted; add '- mount' before this verify");
        }
        Optional<DataDamaged> data = leaves == Leaves.OWN ? OwnCheck.verify(cell, durable) : stamped(cell, leaves);
        Optional<DataDamaged> names = NameCheck.check(cell).map(n -> new DataDamaged(Defect.NAMES, n));
        List<DataDamaged> failures = Stream.of(data, names).flatMap(Optional::stream).toList();
        if (failures.size() == 1) {
            throw failures.getFirst();
        }
        if (!failures.isEmpty()) {
            // the data's defect names the cell; the names' failure is said too
            throw new DataDamaged(failures.getFirst().defect(), failures.getFirst().detail() + "; also " + failures.getLast().getMessage());
        }
    }

    private Optional<DataDamaged> stamped(CellContext cell, Leaves leaves) {
        List<Expected> expected = cell.onTarget().stream().map(s -> {
            ReadBack at = leaves == Leaves.DATA ? cell.readBackOf(s) : ReadBack.file(cell.placement(s.index()).path());
            cell.readBack(s.index(), at);
            return new Expected(s.file(), s.name(), at);
        }).toList();
        long total = expected.stream().mapToLong(e -> e.file().size()).sum();
        // data read through the file system has no device addresses to scan around
        Region region = scan.equals("files") || leaves != Leaves.DATA
                ? Region.none("scan: files")
                : cell.device().region(scan.equals("device"));
        cell.scanned(scan, region);
        try {
            Verification.Result result = Verification.check(expected, region, cell.format(),
                    new Verification.Context(cell::describeFile, cell.history()), cell.evidence(), Forensics.logOf(cell),
                    cell.device().maxTransfer(), durable,
                    done -> cell.evidence().progress("verify", done, total));
            cell.sectors(result.verdict().counts());
            cell.damaged(result.failing());
            return result.failure();
        } catch (IOException e) {
            throw new RigBroken("verify: cannot read the target: " + e.getMessage(), e);
        }
    }
}
