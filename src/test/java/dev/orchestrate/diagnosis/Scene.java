package dev.orchestrate.diagnosis;

import dev.orchestrate.data.SectorClass;
import dev.orchestrate.data.Stamp;
import dev.orchestrate.dut.Extent;
import dev.orchestrate.trace.Op;
import dev.orchestrate.trace.Record;
import dev.orchestrate.verify.DamagedRange;
import dev.orchestrate.verify.Stray;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A synthetic cell for the rules' tests: the commands the device saw, the cell's steps, and the
 * damage verify found, in one file of 8 MiB at device offset 0 (LBAs of 512 bytes), generation 1
 * unless a test says otherwise.
 */
final class Scene {

    static final long MIB = 1 << 20;
    static final String FILE = "file-1.bin";

    private long seq;
    private int step;
    private int generation = 1;
    private final List<Record> log = new ArrayList<>();
    private final List<HostHistory.Step> steps = new ArrayList<>();
    private final List<DamagedRange> ranges = new ArrayList<>();
    private final List<Stray> strays = new ArrayList<>();
    private boolean withLog = true;
    private boolean complete = true;
    private OptionalLong maxTransfer = OptionalLong.empty();

    Scene command(Op op, long offset, long length) {
        return record(op, offset, length, 0, "");
    }

    Scene record(Op op, long offset, long length, int result, String cause) {
        seq++;
        log.add(new Record(seq, seq * 1000, op, offset, length, result, cause));
        return this;
    }

    /** A step of the cell: marked in the log, and in the host's history when it copies, promises or cuts. */
    Scene step(String title, HostHistory.Kind kind, String... files) {
        step++;
        record(Op.STEP, 0, 0, 0, title);
        if (kind != null) {
            steps.add(new HostHistory.Step(step, kind, title, Set.of(files)));
        }
        return this;
    }

    Scene copy(String title) {
        return step(title, HostHistory.Kind.COPY, FILE);
    }

    Scene sync() {
        return step("sync", HostHistory.Kind.PROMISE);
    }

    Scene powerCut() {
        step("power-cut", HostHistory.Kind.POWER_CUT);
        return command(Op.POWER_CUT, 0, 0);
    }

    Scene eject() {
        step("eject", HostHistory.Kind.PROMISE);
        return command(Op.SHUTDOWN, 0, 0);
    }

    Scene generation(int g) {
        this.generation = g;
        return this;
    }

    Scene damaged(long start, long length, SectorClass kind) {
        return damaged(start, length, kind, null);
    }

    Scene damaged(long start, long length, SectorClass kind, Stamp stamp) {
        ranges.add(new DamagedRange(FILE, start, start + length, start / 512, kind, kind.label(), "x", stamp));
        return this;
    }

    Scene unaddressed(long start, long length, SectorClass kind) {
        ranges.add(new DamagedRange(FILE, start, start + length, -1, kind, kind.label(), "x", null));
        return this;
    }

    Scene stray(Stray s) {
        strays.add(s);
        return this;
    }

    /** The verdict listed only the first damaged ranges. */
    Scene cut() {
        complete = false;
        return this;
    }

    /** The target publishes a maximum transfer of {@code bytes}. */
    Scene publishes(long bytes) {
        maxTransfer = OptionalLong.of(bytes);
        return this;
    }

    Scene noLog() {
        withLog = false;
        return this;
    }

    Facts facts() {
        return new Facts(ranges, complete, strays, withLog ? Optional.of(log) : Optional.empty(), maxTransfer,
                List.of(new Facts.FileFacts(FILE, generation, 512, List.of(new Extent(0, 0, 8 * MIB)))), new HostHistory(steps));
    }

    Diagnosis diagnosis() {
        return Diagnosis.of(facts());
    }

    /** What {@code rule} concludes of this scene. */
    Rule.Judgement judge(Rule rule) {
        return rule.judge(Correlation.of(facts()));
    }
}
