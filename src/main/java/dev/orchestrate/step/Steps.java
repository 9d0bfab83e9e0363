package dev.orchestrate.step;

import dev.orchestrate.data.NameSet;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Section;
import dev.orchestrate.suite.Step;
import dev.orchestrate.dut.DiskOperations;
import dev.orchestrate.dut.FaultInjection;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The step kinds a suite can use: their declarations, and the action each resolved step becomes. */
public final class Steps {

    public static final Map<String, Section> SECTIONS = sections();

    private static Map<String, Section> sections() {
        Map<String, Section> all = new HashMap<>(Map.of(
                "generate", Generate.SECTION,
                "copy", Copy.SECTION,
                "sync", Sync.SECTION,
                "fsync", Fsync.SECTION,
                "fault", Arm.SECTION,
                "corrupt", Corrupt.SECTION,
                "verify", Verify.SECTION,
                "partition-disk", DiskOperation.PARTITION,
                "erase-disk", DiskOperation.ERASE));
        for (Lifecycle l : Lifecycle.values()) {
            all.put(l.kind(), l.section());
        }
        return Map.copyOf(all);
    }

    /** The target ability a step needs, if any: a lifecycle step needs its own, a fault needs fault injection. */
    public static Optional<Class<?>> ability(String kind) {
        if (kind.equals("fault")) {
            return Optional.of(FaultInjection.class);
        }
        if (kind.equals("partition-disk") || kind.equals("erase-disk")) {
            return Optional.of(DiskOperations.class);
        }
        return Arrays.stream(Lifecycle.values()).filter(l -> l.kind().equals(kind)).findFirst().map(Lifecycle::ability);
    }

    private Steps() {
    }

    public static Action action(Step step) {
        return switch (step.kind()) {
            case "generate" -> Generate.of(step.options());
            case "copy" -> Copy.of(step.options());
            case "sync" -> Sync.of(step.options());
            case "fsync" -> Fsync.of(step.options());
            case "fault" -> Arm.of(step.options());
            case "corrupt" -> Corrupt.of(step.options());
            case "verify" -> Verify.of(step.options());
            case "partition-disk", "erase-disk" -> new DiskOperation(step.kind(), step.options());
            default -> Arrays.stream(Lifecycle.values()).filter(l -> l.kind().equals(step.kind())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no action for step kind '" + step.kind() + "'"));
        };
    }

    /** The files a cell writes, from its generate and copy steps: how many, and the most room one takes (its size plus an alignment offset). */
    public static Footprint footprint(Iterable<Step> steps) {
        int files = 0;
        long largest = 0;
        long offset = 0;
        for (Step step : steps) {
            if (step.kind().equals("generate")) {
                Generate g = Generate.of(step.options());
                files = Math.max(files, g.files());
                largest = Math.max(largest, g.size());
            } else if (step.kind().equals("copy")) {
                offset = Math.max(offset, step.options().size("offset"));
            }
        }
        return new Footprint(files, largest + offset);
    }

    public record Footprint(int files, long largest) {
    }

    /**
     * What one generate step asks for: how many files, whether they are named from a name set, and
     * what is wrong with that set (empty when it can be used).
     */
    public record Generation(int files, boolean named, List<String> nameProblems) {

        public static Generation of(Options options) {
            var names = Generate.nameSet(options);
            return new Generation(Generate.of(options, names).files(), names.isPresent(),
                    names.map(NameSet::problems).orElse(List.of()));
        }

        /** Whether a generate step names its files from a name set; reads nothing. */
        public static boolean named(Options options) {
            return Generate.named(options);
        }
    }
}
