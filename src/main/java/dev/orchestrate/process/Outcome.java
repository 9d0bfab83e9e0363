package dev.orchestrate.process;

import java.time.Duration;
import java.util.Optional;

/** What a finished command did: its exit code, how long it took, and the tail of its output. */
public record Outcome(Command command, int exitCode, Duration duration, String output) {

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** A report of the run for attachments and failure messages. */
    public String describe() {
        return "$ " + command.display() + "\nexit code " + exitCode + " after " + duration.toMillis() + " ms\n"
                + (output.isBlank() ? "(no output)\n" : output + (output.endsWith("\n") ? "" : "\n"));
    }

    /** The first output line that mentions {@code word}, e.g. a checker's first complaint. */
    public Optional<String> firstLineWith(String word) {
        return output.lines().filter(l -> l.contains(word)).map(String::strip).findFirst();
    }

    /** The last non-empty output line, for one-line failure messages. */
    public String lastLine() {
        return output.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("(no output)");
    }
}
