package dev.orchestrate.dut;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A device that logs every command it receives (the emulated controller does; a driver's own log can
 * be read the same way), or whose commands the host records (a Mac's disk, through fs_usage).
 */
public interface CommandLogged {

    /** The command log's file name in the cell's directory. */
    String FILE = "command-log.jsonl";

    /** The current cell's command log, with every command so far written out. */
    Path commandLog();

    /** Marks in the command log that a step begins, so its commands can be told from the ones before. */
    void markStep(String title);

    /**
     * Why the log last written by {@link #commandLog()} may lack commands the device received (a
     * recording that lost events); empty when it holds them all. A diagnosis reads only a whole log:
     * a command it cannot see could be the one that explains the damage.
     */
    default Optional<String> incomplete() {
        return Optional.empty();
    }
}
