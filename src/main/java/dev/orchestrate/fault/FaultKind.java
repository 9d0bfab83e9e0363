package dev.orchestrate.fault;

import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Section;
import java.util.Optional;
import java.util.function.Function;

/**
 * One kind of fault, declared once beside its implementation: its name and keys in a suite's
 * {@code fault} step, and how an armed step's options build it. {@link Faults#ALL} lists them.
 *
 * @param build the fault the options describe; empty for the control, which arms nothing
 */
public record FaultKind(String name, Section.Variant variant, Function<Options, Optional<Fault>> build) {

    static FaultKind of(String name, Section.Variant variant, Function<Options, Fault> build) {
        return new FaultKind(name, variant, o -> Optional.of(build.apply(o)));
    }
}
