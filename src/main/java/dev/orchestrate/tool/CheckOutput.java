package dev.orchestrate.tool;

import dev.orchestrate.process.Outcome;
import dev.orchestrate.verify.BadBlock;
import java.util.Optional;

/**
 * How a tool's own check reports, read line by line as it runs: the blocks it names bad, so that
 * verification can read them on the known-good path and diagnose them, and whether it failed.
 */
@FunctionalInterface
public interface CheckOutput {

    /** A check that names no blocks: it fails by its exit code alone. */
    CheckOutput EXIT_CODE = line -> Optional.empty();

    /** The bad block a line of the check's output names, if it names one. */
    Optional<BadBlock> badBlock(String line);

    /** Whether the check failed, besides the bad blocks it named. */
    default boolean failed(Outcome outcome) {
        return !outcome.succeeded();
    }
}
