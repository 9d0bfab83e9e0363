package dev.orchestrate.suite;

import java.util.List;
import java.util.Map;

/**
 * Everything a suite may say beyond its fixed top-level keys: the target section (its kinds as
 * variants), the target kind a suite gets when it names none, and the step kinds. The roles that
 * implement them declare them; the suite package only checks against them.
 */
public record Vocabulary(Section target, String defaultTarget, Map<String, Section> steps, List<Check> checks) {

    /** A rule across sections, e.g. which tools can write to which target; run on a suite whose sections are valid. */
    @FunctionalInterface
    public interface Check {
        void check(Suite suite, List<Problem> problems);
    }

    public Vocabulary {
        steps = Map.copyOf(steps);
        checks = List.copyOf(checks);
    }
}
