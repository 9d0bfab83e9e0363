package dev.orchestrate.suite;

/** A scalar from the suite with the place it was written; after interpolation, the place of the axis value it came from. */
public record Value(String text, Location at) {
}
