package dev.orchestrate.step;

import dev.orchestrate.dut.Ability;
import dev.orchestrate.suite.Section;
import dev.orchestrate.suite.Step;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The step kinds a suite can use, one entry each, and the action each resolved step becomes. */
public final class Steps {

    /** Every kind; adding one is a new file with its section and action, and a line here. */
    public static final List<StepKind> ALL = Stream.concat(Stream.of(
            StepKind.of(Generate.SECTION, Generate::of),
            StepKind.of(Copy.SECTION, Copy::of),
            StepKind.of(Sync.SECTION, Sync::of),
            StepKind.of(Fsync.SECTION, Fsync::of),
            StepKind.needing(Ability.FAULTS, Arm.SECTION, Arm::of),
            StepKind.of(Corrupt.SECTION, Corrupt::of),
            StepKind.of(Verify.SECTION, Verify::of),
            StepKind.needing(Ability.DISK_OPERATIONS, DiskOperation.PARTITION, o -> new DiskOperation("partition-disk", o)),
            StepKind.needing(Ability.DISK_OPERATIONS, DiskOperation.ERASE, o -> new DiskOperation("erase-disk", o))),
            Lifecycle.KINDS.stream()).toList();

    private static final Map<String, StepKind> BY_NAME = ALL.stream().collect(Collectors.toMap(StepKind::name, Function.identity()));

    public static final Map<String, Section> SECTIONS = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(StepKind::name, StepKind::section));

    private Steps() {
    }

    public static StepKind kind(String name) {
        StepKind kind = BY_NAME.get(name);
        if (kind == null) {
            throw new IllegalArgumentException("no action for step kind '" + name + "'");
        }
        return kind;
    }

    public static Action action(Step step) {
        return kind(step.kind()).action().apply(step.options());
    }
}
