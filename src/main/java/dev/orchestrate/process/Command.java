package dev.orchestrate.process;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** A command line and how long it may take. */
public record Command(List<String> argv, Duration timeout) {

    public Command {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least a program");
        }
    }

    public static Command of(Duration timeout, String... argv) {
        return new Command(List.of(argv), timeout);
    }

    public String program() {
        return argv.getFirst();
    }

    /** The command line as a shell would accept it, for reports and for reproducing by hand. */
    public String display() {
        return argv.stream().map(Command::quote).collect(Collectors.joining(" "));
    }

    private static String quote(String word) {
        return word.matches("[A-Za-z0-9_./=:,+@%-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
