package dev.orchestrate.step;

import dev.orchestrate.suite.Section;
import dev.orchestrate.suite.Step;
import java.util.Map;

/** The step kinds a suite can use: their declarations, and the action each resolved step becomes. */
public final class Steps {

    public static final Map<String, Section> SECTIONS = Map.of(
            "generate", Generate.SECTION,
            "copy", Copy.SECTION,
            "sync", Sync.SECTION,
            "corrupt", Corrupt.SECTION,
            "verify", Verify.SECTION);

    private Steps() {
    }

    public static Action action(Step step) {
        return switch (step.kind()) {
            case "generate" -> Generate.of(step.options());
            case "copy" -> Copy.of(step.options());
            case "sync" -> Sync.of(step.options());
            case "corrupt" -> Corrupt.of(step.options());
            case "verify" -> new Verify();
            default -> throw new IllegalArgumentException("no action for step kind '" + step.kind() + "'");
        };
    }

    /** The files a cell writes, from its generate steps: how many, and the largest. */
    public static Footprint footprint(Iterable<Step> steps) {
        int files = 0;
        long largest = 0;
        for (Step step : steps) {
            if (step.kind().equals("generate")) {
                Generate g = Generate.of(step.options());
                files = Math.max(files, g.files());
                largest = Math.max(largest, g.size());
            }
        }
        return new Footprint(files, largest);
    }

    public record Footprint(int files, long largest) {
    }
}
