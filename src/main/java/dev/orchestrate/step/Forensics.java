package dev.orchestrate.step;

import dev.orchestrate.diagnosis.Facts;
import dev.orchestrate.dut.CommandLogged;
import dev.orchestrate.dut.Extent;
import dev.orchestrate.report.Evidence;
import dev.orchestrate.trace.Excerpt;
import dev.orchestrate.trace.Record;
import dev.orchestrate.verify.DamagedRange;
import dev.orchestrate.verify.Expected;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What a diagnosis rests on besides the verdict: the device's command log, and where the verified files lie on the device. */
final class Forensics {

    private Forensics() {
    }

    /** The command log of a target that keeps one, as it is now; empty for other targets, and when the log may lack commands. */
    static Optional<List<Record>> logOf(CellContext cell) {
        Optional<CommandLogged> logged = cell.device().commandLogged();
        if (logged.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path log = logged.get().commandLog();
            Optional<String> incomplete = logged.get().incomplete();
            if (incomplete.isPresent()) {
                cell.evidence().attachText("command log", "not read for the diagnosis: " + incomplete.get());
                return Optional.empty();
            }
            return Optional.of(cell.commandLog(log).read().records());
        } catch (IOException e) {
            cell.evidence().attachText("command log", "the command log could not be read: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The verified files as the diagnosis sees them: generation, unit of LBAs, and where their bytes lie on the device. */
    static List<Facts.FileFacts> files(List<Expected> expected) {
        return expected.stream().map(e -> {
            long base = e.readBack().lba(0);
            List<Extent> mapped = e.readBack().extentMap();
            List<Extent> onDevice = base < 0 ? List.of()
                    : mapped.isEmpty() ? List.of(new Extent(0, base * e.readBack().blockSize(), e.file().size())) : mapped;
            return new Facts.FileFacts(e.name(), e.file().generation(), e.readBack().blockSize(), onDevice);
        }).toList();
    }

    /** The commands that wrote the first damaged range, beside it, when it has a device address. */
    static void attachFirst(Evidence evidence, DamagedRange first, int blockSize, List<Record> log) {
        if (first.lba() < 0) {
            return;
        }
        long start = first.lba() * blockSize;
        evidence.attachText("commands that wrote the first damaged range",
                first.describe() + "\n\n" + Excerpt.of(log, start, start + first.length()));
    }
}
