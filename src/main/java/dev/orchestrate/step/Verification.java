package dev.orchestrate.step;

import dev.orchestrate.data.SectorFormat;
import dev.orchestrate.dut.Region;
import dev.orchestrate.report.CorruptionMap;
import dev.orchestrate.report.Evidence;
import dev.orchestrate.report.HexDiff;
import dev.orchestrate.trace.Record;
import dev.orchestrate.verify.Expected;
import dev.orchestrate.verify.Verdict;
import dev.orchestrate.verify.Verifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.LongConsumer;

/**
 * One verification with all its evidence: the verdict, the hex of the first damaged sector, the
 * corruption map, the binary dumps and, given the device's command log, the forensics. The verify
 * step runs it in a cell; {@code orchestrate verify} runs it offline from a manifest.
 */
public final class Verification {

    private Verification() {
    }

    /**
     * Verifies {@code expected} and attaches the evidence; the failure message when data was lost
     * or damaged (and, under the durable oracle, promised), else empty.
     *
     * @param region where to look for the run's sectors outside the files
     * @param log the device's command log, when there is one
     */
    public static Optional<String> check(List<Expected> expected, Region region, SectorFormat format, IntFunction<String> names,
                                         Evidence evidence, Optional<List<Record>> log, boolean durable,
                                         LongConsumer progress) throws IOException {
        Verdict verdict = new Verifier(format, names).verify(expected, region, progress);
        evidence.attachText("verdict", verdict.text());
        if (verdict.first() != null) {
            Verdict.Sample first = verdict.first();
            evidence.attachText("first damaged sector, expected vs found",
                    HexDiff.render(first.file() + " at offset " + first.offset(), first.offset(), first.expected(), first.found()));
        }
        if (verdict.first() != null || verdict.strays().sectors() > 0) {
            evidence.attach("corruption map", "image/svg+xml", "svg",
                    CorruptionMap.svg(verdict, expected).getBytes(StandardCharsets.UTF_8));
        }
        int n = 0;
        for (Verdict.Sample s : verdict.samples()) {
            n++;
            String what = "damaged range " + n + ", " + s.file() + " offset " + s.offset();
            evidence.attach(what + ", expected", "application/octet-stream", "expected", s.expected());
            evidence.attach(what + ", found", "application/octet-stream", "found", s.found());
        }
        if (verdict.passed()) {
            return Optional.empty();
        }
        Optional<Forensics> forensics = log.flatMap(records -> Forensics.of(evidence, verdict, expected, records));
        String likely = forensics.map(Forensics::explain).orElse("");
        if (durable && forensics.map(Forensics::nothingPromisedWasLost).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of(verdict.headline() + likely);
    }
}
