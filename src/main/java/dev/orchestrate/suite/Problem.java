package dev.orchestrate.suite;

/** One thing wrong with a suite, at the place a person has to edit. */
public record Problem(Location at, String message) {

    @Override
    public String toString() {
        return at + ": " + message;
    }
}
