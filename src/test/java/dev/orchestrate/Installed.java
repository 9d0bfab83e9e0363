package dev.orchestrate;

import dev.orchestrate.emulator.Emulator;
import dev.orchestrate.host.HostCheck;
import dev.orchestrate.host.Packages;
import dev.orchestrate.process.Executables;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * For tests that need programs a fresh machine may lack (self-test installs them where it may):
 * without them the test is skipped with the reason and the fix printed, never failed.
 */
public final class Installed {

    private Installed() {
    }

    /** Skips the calling test unless every one of {@code programs} is on the PATH. */
    public static void assume(String test, String... programs) {
        List<String> missing = List.of(programs).stream().filter(p -> Executables.find(p).isEmpty()).toList();
        skipUnless(test, missing.isEmpty() ? Optional.empty() : Optional.of("not installed: " + String.join(", ", missing)
                + "; apt-get install " + String.join(" ", Packages.missing(missing))
                + " (or run './orchestrate self-test' as root, which does)"));
    }

    /** Skips the calling test unless the emulated target can carry {@code fileSystem} here as it is. */
    public static void assumeFileSystem(String test, String fileSystem) {
        skipUnless(test, HostCheck.emulatorAsIs(fileSystem, Emulator.fuseLibrary().orElse(null)));
    }

    /** Skips the calling test when there is a reason why it cannot run here, printing it where a person will see it. */
    public static void skipUnless(String test, Optional<String> whyNot) {
        whyNot.ifPresent(reason -> System.err.println("SKIPPED " + test + ": " + reason));
        Assumptions.assumeTrue(whyNot.isEmpty(), () -> whyNot.orElseThrow());
    }
}
