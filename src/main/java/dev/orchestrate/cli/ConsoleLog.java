package dev.orchestrate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code console.log} in the run directory: everything a run (and each resume of it, appended)
 * printed to stdout and stderr, interleaved as the terminal showed it, so that a CI job's artifact
 * or a lab machine after a reboot still has the console of the night. The terminal is written
 * first and sees exactly what it would without the log.
 */
final class ConsoleLog implements AutoCloseable {

    public static final String FILE = "console.log";

    private final Writer file;
    private final PrintWriter out;
    private final PrintWriter err;

    private ConsoleLog(Writer file, PrintWriter out, PrintWriter err) {
        this.file = file;
        this.out = new PrintWriter(new Tee(out, file), true);
        this.err = new PrintWriter(new Tee(err, file), true);
    }

    /** Appends to {@code runDir}'s console.log what is printed through {@link #out()} and {@link #err()} from now on. */
    static ConsoleLog open(Path runDir, PrintWriter out, PrintWriter err) throws IOException {
        return new ConsoleLog(Files.newBufferedWriter(runDir.resolve(FILE), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND), out, err);
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    /** Flushes both streams into the log and closes it; the terminal's streams stay open. */
    @Override
    public void close() throws IOException {
        out.flush();
        err.flush();
        file.close();
    }

    /** Writes to the terminal, then to the log; the log is flushed with the terminal, so a killed run's log ends where it stopped. */
    private static final class Tee extends Writer {

        private final Writer terminal;
        private final Writer log;

        Tee(Writer terminal, Writer log) {
            this.terminal = terminal;
            this.log = log;
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            terminal.write(chars, offset, length);
            log.write(chars, offset, length);
        }

        @Override
        public void flush() throws IOException {
            terminal.flush();
            log.flush();
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
