package dev.orchestrate.dut;

import java.nio.file.Path;

/** A target that logs every command its device receives (the emulated controller does; a driver's own log can be read the same way). */
public interface CommandLogged {

    /** The command log's file name in the cell's directory. */
    String FILE = "command-log.jsonl";

    /** The current cell's command log, with every command so far written out. */
    Path commandLog();

    /** Marks in the command log that a step begins, so its commands can be told from the ones before. */
    void markStep(String title);
}
