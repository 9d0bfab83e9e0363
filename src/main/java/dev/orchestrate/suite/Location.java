package dev.orchestrate.suite;

/** Where a value stands in a suite file; printed as {@code file:line:column}, the form editors jump to. */
public record Location(String file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
