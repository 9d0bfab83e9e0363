package dev.orchestrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run prints goes to the terminal unchanged and into its console.log, a resume's appended. */
class ConsoleLogTest {

    @TempDir
    Path run;

    @Test
    void bothStreamsReachTheTerminalAsTheyWereAndTheLogInTheirOrder() throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (ConsoleLog console = ConsoleLog.open(run, new PrintWriter(out, true), new PrintWriter(err, true))) {
            console.out().println("[1/2] tool=cp");
            console.err().println("the resume hook could not be removed");
            console.out().print("\r\033[K        copy: 1.0 MiB of 2.0 MiB");
            console.out().flush();
            console.out().printf("%n2 passed%n");
        }
        assertEquals("[1/2] tool=cp\n\r\033[K        copy: 1.0 MiB of 2.0 MiB\n2 passed\n", out.toString());
        assertEquals("the resume hook could not be removed\n", err.toString());
        assertEquals("[1/2] tool=cp\nthe resume hook could not be removed\n\r\033[K        copy: 1.0 MiB of 2.0 MiB\n2 passed\n",
                Files.readString(run.resolve(ConsoleLog.FILE)));

        try (ConsoleLog resumed = ConsoleLog.open(run, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))) {
            resumed.out().println("orchestrate resume");
        }
        assertTrue(Files.readString(run.resolve(ConsoleLog.FILE)).endsWith("2 passed\norchestrate resume\n"), "a resume appends");
    }

    @Test
    void whatIsPrintedIsInTheLogAtOnceNotOnlyWhenItCloses() throws IOException {
        try (ConsoleLog console = ConsoleLog.open(run, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))) {
            console.out().println("[1/4] tool=cp size=1MiB");
            assertEquals("[1/4] tool=cp size=1MiB\n", Files.readString(run.resolve(ConsoleLog.FILE)),
                    "a killed run's log ends where it stopped");
        }
    }
}
