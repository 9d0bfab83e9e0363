package dev.orchestrate.step;

import dev.orchestrate.outcome.DataDamaged;
import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Section;
import dev.orchestrate.target.ReadBack;
import dev.orchestrate.target.Region;
import dev.orchestrate.verify.Expected;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Reads back what the target holds through the known-good path and fails the cell on any damaged
 * sector; then looks for the run's sectors outside the files, as evidence.
 *
 * @param scan where to look outside the files: files (nowhere), region or device
 */
record Verify(boolean durable, String scan) implements Action {

    static final Section SECTION = Section.of("verify", "Reads back every copied file through the known-good path and classifies each sector; fails the cell on any damage.",
            List.of(Key.choice("oracle", "strict", List.of("strict", "durable"),
                    "strict: every sector must be there; durable: on a target with a command log, losses of data that no acknowledged flush covered "
                            + "(e.g. written after the last fsync, before a power cut) are reported but do not fail the cell"),
                    Key.choice("scan", "region", List.of("files", "region", "device"),
                            "where else to look for the run's sectors, read raw on the known-good path: files: nowhere else; region: the part of the device "
                                    + "the cell used (its region of an image, the emulated target's own device); device: all of the device. "
                                    + "Sectors found outside the files (a misdirected write's landing place, a copy, blocks a rewrite left) are reported, "
                                    + "and do not fail the cell by themselves")));

    static Verify of(Options o) {
        return new Verify(o.text("oracle").equals("durable"), o.text("scan"));
    }

    @Override
    public String title() {
        return durable ? "verify (durable: only promised data must be there)" : "verify";
    }

    @Override
    public void run(CellContext cell) {
        if (cell.onTarget().isEmpty()) {
            throw new RigBroken("verify: nothing was copied to the target before this step");
        }
        List<Expected> expected = cell.onTarget().stream().map(s -> {
            ReadBack at = cell.target().readBack(cell.cell(), s.index());
            cell.readBack(s.index(), at);
            return new Expected(s.file(), CellContext.fileName(s.index()), at);
        }).toList();
        long total = expected.stream().mapToLong(e -> e.file().size()).sum();
        Region region = scan.equals("files") ? Region.none("scan: files") : cell.target().region(cell.cell(), scan.equals("device"));
        cell.scanned(scan, region);
        Optional<String> failure;
        try {
            failure = Verification.check(expected, region, cell.format(), cell::describeFile, cell.evidence(), Forensics.logOf(cell), durable,
                    done -> cell.evidence().progress("verify", done, total));
        } catch (IOException e) {
            throw new RigBroken("verify: cannot read the target: " + e.getMessage(), e);
        }
        failure.ifPresent(message -> {
            throw new DataDamaged(message);
        });
    }
}
