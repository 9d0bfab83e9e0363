package dev.orchestrate.suite;

import java.util.List;
import java.util.stream.Collectors;

/** A suite that cannot run; carries every problem found, not just the first. */
public final class InvalidSuite extends Exception {

    private final List<Problem> problems;

    public InvalidSuite(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public InvalidSuite(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
