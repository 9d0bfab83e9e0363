package dev.orchestrate.step;

import dev.orchestrate.data.SectorFormat;
import dev.orchestrate.diagnosis.Diagnosis;
import dev.orchestrate.diagnosis.Durability;
import dev.orchestrate.diagnosis.Facts;
import dev.orchestrate.diagnosis.HostHistory;
import dev.orchestrate.dut.Region;
import dev.orchestrate.outcome.DataDamaged;
import dev.orchestrate.report.CorruptionMap;
import dev.orchestrate.report.Evidence;
import dev.orchestrate.report.HexDiff;
import dev.orchestrate.trace.Record;
import dev.orchestrate.verify.DamagedRange;
import dev.orchestrate.verify.Expected;
import dev.orchestrate.verify.Verdict;
import dev.orchestrate.verify.Verifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.IntFunction;
import java.util.function.LongConsumer;

/**
 * One verification with all its evidence: the verdict, the hex of the first damaged sector, the
 * corruption map, the binary dumps, what was promised and lost, and the diagnosis. The verify step
 * runs it in a cell; {@code orchestrate verify} runs it offline from a manifest.
 */
public final class Verification {

    /** How the verified files are named, and what the cell's steps did for durability. */
    public record Context(IntFunction<String> names, HostHistory history) {
    }

    /**
     * What a verify found.
     *
     * @param failing the damaged ranges the cell fails on, in file order; empty when it passes
     */
    public record Result(Verdict verdict, List<DamagedRange> failing, Optional<DataDamaged> failure) {
    }

    private Verification() {
    }

    /**
     * Verifies {@code expected} and attaches the evidence; the verdict and the failure, with the
     * defect the diagnosis names, when data was lost or damaged (under the durable oracle: data a
     * step had promised).
     *
     * @param region where to look for the run's sectors outside the files
     * @param log the device's command log, when there is one
     * @param maxTransfer the maximum transfer the device publishes, when it is known
     */
    public static Result check(List<Expected> expected, Region region, SectorFormat format, Context context,
                                              Evidence evidence, Optional<List<Record>> log, OptionalLong maxTransfer, boolean durable,
                                              LongConsumer progress) throws IOException {
        Verdict verdict = new Verifier(format, context.names()).verify(expected, region, progress);
        return judge(verdict, expected, context, evidence, log, maxTransfer, durable);
    }

    /**
     * Judges a verdict already reached on {@code expected} (a tool's own check, read on the
     * known-good path) as {@link #check} judges its own: the same oracle, evidence and diagnosis.
     */
    public static Result judge(Verdict verdict, List<Expected> expected, Context context, Evidence evidence, Optional<List<Record>> log,
                               OptionalLong maxTransfer, boolean durable) {
        Durability.Split split = Durability.split(verdict.ranges(), context.history());
        // ranges past the listed ones are unknown: a durable oracle excuses only what it saw
        List<DamagedRange> failing = durable && !verdict.rangesCut() ? split.promised() : verdict.ranges();
        attachVerdict(verdict, expected, evidence, !verdict.passed() && failing.isEmpty()
                ? "PASSED under the durable oracle: every loss is of data no step promised"
                        + " (see 'promised and lost, never promised')\n\n"
                : "");
        if (!split.neverPromised().isEmpty()) {
            evidence.attachText("promised and lost, never promised", split.text());
        }
        return new Result(verdict, failing, failing.isEmpty() ? Optional.empty()
                : Optional.of(failure(verdict, failing, split, expected, context, evidence, log, maxTransfer, durable)));
    }

    /** The failure for {@code failing}, with the diagnosis over them. */
    private static DataDamaged failure(Verdict verdict, List<DamagedRange> failing, Durability.Split split, List<Expected> expected,
                                       Context context, Evidence evidence, Optional<List<Record>> log, OptionalLong maxTransfer,
                                       boolean durable) {
        Facts facts = new Facts(failing, !verdict.rangesCut(), verdict.strays().ranges(), log, maxTransfer, Forensics.files(expected),
                context.history());
        log.ifPresent(records -> Forensics.attachFirst(evidence, failing.getFirst(), facts.blockSize(failing.getFirst()), records));
        Diagnosis diagnosis = Diagnosis.of(facts);
        evidence.attachText("diagnosis", diagnosis.text());
        long excusable = split.neverPromised().size();
        String never = durable || excusable == 0 ? ""
                : "; " + excusable + " of the damaged ranges were never promised (the durable oracle would list them, not fail them)";
        return new DataDamaged(diagnosis.defect(), verdict.only(failing).headline()
                + diagnosis.primary().map(f -> "; " + f.evidence()).orElse("") + never);
    }

    /** @param oracle what the oracle made of the verdict, before it, or "" */
    private static void attachVerdict(Verdict verdict, List<Expected> expected, Evidence evidence, String oracle) {
        evidence.attachText("verdict", oracle + verdict.text());
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
    }
}
