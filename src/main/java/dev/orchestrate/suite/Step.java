package dev.orchestrate.suite;

/** A step of one cell with its options checked and resolved. */
public record Step(String kind, Location at, Options options) {
}
