package dev.orchestrate.step;

import dev.orchestrate.diagnosis.Defect;
import dev.orchestrate.dut.ReadBack;
import dev.orchestrate.outcome.DataDamaged;
import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.process.Command;
import dev.orchestrate.process.Outcome;
import dev.orchestrate.tool.CheckOutput;
import dev.orchestrate.verify.BadBlock;
import dev.orchestrate.verify.BlockVerdict;
import dev.orchestrate.verify.Expected;
import dev.orchestrate.verify.Verdict;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The verify of a tool that writes its own data: the tool's own check of each file, read for the
 * blocks it names bad (at most {@link #MAX_BLOCKS} of a file, after which the check is stopped, so
 * that a disk of garbage neither prints nor reads on for ever). Where every failed check named its
 * blocks and the files have device addresses, those blocks are read on the known-good path and
 * judged as stamped data is, with the same oracle, evidence and diagnosis; else the tool's word is
 * the verdict.
 */
final class OwnCheck {

    static final int MAX_BLOCKS = 1000;

    /**
     * One file's check.
     *
     * @param bad the blocks the check named bad, in the order it named them
     * @param cut whether the check was stopped at {@link #MAX_BLOCKS}, so that more may be bad
     */
    private record Result(CellContext.Source source, Outcome outcome, boolean failed, List<BadBlock> bad, boolean cut) {
    }

    private OwnCheck() {
    }

    /** Checks every file on the target; the failure, if the data is lost or damaged. */
    static Optional<DataDamaged> verify(CellContext cell, boolean durable) {
        String tool = cell.copiedWith().tool().name();
        List<Result> results = check(cell);
        List<Result> failed = results.stream().filter(Result::failed).toList();
        boolean named = failed.stream().noneMatch(r -> r.bad().isEmpty());
        if (!failed.isEmpty() && named) {
            Optional<Verification.Result> located = located(cell, tool, results, durable);
            if (located.isPresent()) {
                cell.sectors(located.get().verdict().counts());
                cell.damaged(located.get().failing());
                return located.get().failure();
            }
        }
        List<String> said = failed.stream().map(r -> r.source().name() + ": " + (r.bad().isEmpty()
                ? r.outcome().firstLineWith("verify").orElse("exit " + r.outcome().exitCode())
                : r.bad().size() + (r.cut() ? "+" : "") + " bad blocks, the first of " + r.bad().getFirst().describe())).toList();
        String unread = failed.isEmpty() ? "" : "; the failed blocks are not read on the known-good path: "
                + (named ? "the files have no device addresses" : "the check does not name them");
        cell.evidence().attachText("verdict", (failed.isEmpty() ? "PASSED: " : "FAILED: ") + tool + "'s own check of "
                + results.size() + " file(s) through the file system" + (failed.isEmpty() ? "" : "\n" + String.join("\n", said))
                + "\n\n" + tool + " writes its own data, not the stamped source, so the sector classes do not apply" + unread + ".\n");
        return failed.isEmpty() ? Optional.empty()
                : Optional.of(new DataDamaged(Defect.OWN_CHECK, tool + "'s own check failed: " + String.join("; ", said)));
    }

    /** Runs the check of every file and attaches each check's command and output. */
    private static List<Result> check(CellContext cell) {
        CellContext.CopiedWith with = cell.copiedWith();
        CheckOutput reads = with.tool().checkOutput();
        List<Result> results = new ArrayList<>();
        for (CellContext.Source s : cell.onTarget()) {
            Command check = with.tool().check(s.path(), cell.placement(s.index()), with.options()).orElseThrow(() ->
                    new IllegalStateException(with.tool().name() + " leaves its own data but has no check"));
            List<BadBlock> bad = new ArrayList<>();
            Outcome outcome = cell.runners().looks().watch(check, line -> {
                reads.badBlock(line).ifPresent(bad::add);
                return bad.size() >= MAX_BLOCKS;
            });
            boolean cut = bad.size() >= MAX_BLOCKS;
            cell.evidence().attachText(with.tool().name() + "'s own check of " + s.name() + " (exit " + outcome.exitCode() + ")",
                    (cut ? "stopped once it had named " + MAX_BLOCKS + " bad blocks\n" : "") + outcome.describe());
            results.add(new Result(s, outcome, !bad.isEmpty() || reads.failed(outcome), List.copyOf(bad), cut));
        }
        return results;
    }

    /** The blocks the checks failed, read on the known-good path and judged; empty when the files have no device addresses. */
    private static Optional<Verification.Result> located(CellContext cell, String tool, List<Result> results, boolean durable) {
        List<ReadBack> at = results.stream().map(r -> cell.readBackOf(r.source())).toList();
        if (at.stream().anyMatch(a -> a.lba(0) < 0 && a.extentMap().isEmpty())) {
            return Optional.empty();
        }
        List<BlockVerdict.Checked> checked = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            CellContext.Source s = results.get(i).source();
            cell.readBack(s.index(), at.get(i));
            checked.add(new BlockVerdict.Checked(new Expected(s.file(), s.name(), at.get(i)), results.get(i).bad()));
        }
        List<Expected> expected = checked.stream().map(BlockVerdict.Checked::expected).toList();
        try {
            Verdict verdict = BlockVerdict.of(tool, checked, results.stream().anyMatch(Result::cut));
            return Optional.of(Verification.judge(verdict, expected, new Verification.Context(cell::describeFile, cell.history()),
                    cell.evidence(), Forensics.logOf(cell), cell.device().maxTransfer(), durable));
        } catch (IOException e) {
            throw new RigBroken("verify: cannot read the blocks " + tool + "'s check failed: " + e.getMessage(), e);
        }
    }
}
