package dev.orchestrate.cli;

import dev.orchestrate.engine.Catalog;
import dev.orchestrate.suite.InvalidSuite;
import dev.orchestrate.suite.Problem;
import dev.orchestrate.suite.Suite;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads a suite named on the command line, printing every problem in {@code file:line:col: message} form. */
final class SuiteInput {

    private SuiteInput() {
    }

    /** The suite, or null after printing why it cannot be used. */
    static Suite load(Path file, PrintWriter err) {
        return load(file, null, err);
    }

    /** As {@link #load(Path, PrintWriter)}, with the target taken from {@code targetFile} when it is not null. */
    static Suite load(Path file, Path targetFile, PrintWriter err) {
        if (!Files.isRegularFile(file)) {
            err.println(file + ": no such suite file; suites live in suites/, e.g. suites/smoke.yaml");
            return null;
        }
        try {
            Suite suite = (targetFile == null ? Catalog.loader() : Catalog.loader().withTarget(targetFile)).load(file);
            Catalog.warnings(suite).forEach(w -> err.println(w.at() + ": warning: " + w.message()));
            return suite;
        } catch (InvalidSuite e) {
            for (Problem p : e.problems()) {
                err.println(p);
            }
            err.println(e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems") + " in " + file + "; nothing was run");
            return null;
        }
    }
}
