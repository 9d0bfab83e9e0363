package dev.orchestrate.cli;

import dev.orchestrate.trace.LineFormat;
import dev.orchestrate.trace.TraceReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How the logs named with {@code --trace} are read: as the command log's own JSON Lines or CSV, or,
 * with {@code --trace-format}, as a driver's own log through that line format. Shared by verify and
 * validate, so both read a log the same way.
 */
record TraceInput(Optional<LineFormat> format) {

    /** The input for {@code formatFile} (null: the command log's own format); null after printing why the format cannot be used. */
    static TraceInput of(Path formatFile, PrintWriter err) {
        if (formatFile == null) {
            return new TraceInput(Optional.empty());
        }
        if (!Files.isRegularFile(formatFile)) {
            err.println(formatFile + ": no such line format file");
            return null;
        }
        try {
            return new TraceInput(Optional.of(LineFormat.load(formatFile)));
        } catch (LineFormat.Invalid e) {
            e.problems().forEach(err::println);
            err.println(e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems") + " in the line format " + formatFile);
            return null;
        }
    }

    TraceReader.Log read(Path log) throws IOException {
        return format.isPresent() ? format.get().read(log) : TraceReader.read(log);
    }
}
