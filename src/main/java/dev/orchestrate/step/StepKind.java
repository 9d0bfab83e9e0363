package dev.orchestrate.step;

import dev.orchestrate.dut.Ability;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Section;
import java.util.Optional;
import java.util.function.Function;

/**
 * One kind of step, declared once: its suite keys, how a resolved step becomes an action, and the
 * ability of the device it needs, if any. {@link Steps#ALL} lists them.
 */
public record StepKind(String name, Section section, Function<Options, Action> action, Optional<Ability> needs) {

    static StepKind of(Section section, Function<Options, Action> action) {
        return new StepKind(section.name(), section, action, Optional.empty());
    }

    static StepKind needing(Ability ability, Section section, Function<Options, Action> action) {
        return new StepKind(section.name(), section, action, Optional.of(ability));
    }
}
