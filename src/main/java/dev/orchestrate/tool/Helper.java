package dev.orchestrate.tool;

import dev.orchestrate.host.Platform;
import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.process.Command;
import dev.orchestrate.process.Outcome;
import dev.orchestrate.process.Processes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A helper program kept as source in the repository ({@code helpers/macos/}, packaged into the jar)
 * and made ready on first use: a C or Objective-C source is compiled with the Xcode command-line
 * tools, a script is run by its interpreter. Each lands in a cache directory named after the hash
 * of its source, so a changed source is rebuilt and an unchanged one never is.
 *
 * @param file the source's file name under {@code helpers/macos/}
 * @param flags what a compiled helper needs beyond the common flags: language standard, frameworks
 */
public record Helper(String file, List<String> flags) {

    static final String RESOURCES = "/helpers/macos/";
    static final Duration BUILD_TIMEOUT = Duration.ofMinutes(3);

    public Helper {
        flags = List.copyOf(flags);
    }

    /** The helper's name: its file name without the extension. */
    public String name() {
        return file.substring(0, file.lastIndexOf('.'));
    }

    boolean compiled() {
        return file.endsWith(".c") || file.endsWith(".m");
    }

    /**
     * The command-line prefix that runs the helper, building it in {@code cache} first if needed.
     *
     * @param compiler the compiler driver, e.g. {@code [xcrun, clang]}
     */
    public List<String> launcher(Path cache, List<String> compiler) {
        return launcher(source(), cache, compiler);
    }

    /** As {@link #launcher(Path, List)}, for a given source text. */
    List<String> launcher(byte[] source, Path cache, List<String> compiler) {
        Path dir = cache.resolve(name() + "-" + hash(source));
        Path copy = dir.resolve(file);
        try {
            if (!compiled()) {
                if (!Files.exists(copy)) {
                    publish(dir, copy, source);
                }
                return List.of(file.endsWith(".applescript") ? "osascript" : "bash", copy.toString());
            }
            Path binary = dir.resolve(name());
            if (!Files.isExecutable(binary)) {
                publish(dir, copy, source);
                build(compiler, copy, binary);
            }
            return List.of(binary.toString());
        } catch (IOException e) {
            throw new RigBroken("cannot prepare the helper " + file + " in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The compiler command line for a source: every warning an error, ARC for Objective-C, then the helper's own flags. */
    List<String> compileCommand(List<String> compiler, Path source, Path binary) {
        List<String> argv = new ArrayList<>(compiler);
        if (file.endsWith(".m")) {
            argv.add("-fobjc-arc");
        }
        argv.addAll(List.of("-O2", "-Wall", "-Wextra", "-Werror", "-o", binary.toString(), source.toString()));
        argv.addAll(flags);
        return argv;
    }

    /** Where helpers are cached on this host: ~/Library/Caches on macOS, the XDG cache elsewhere. */
    public static Path cacheRoot() {
        String home = System.getProperty("user.home");
        if (Platform.current() == Platform.MACOS) {
            return Path.of(home, "Library", "Caches", "orchestrate", "helpers");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg == null || xdg.isBlank() ? Path.of(home, ".cache") : Path.of(xdg)).resolve("orchestrate").resolve("helpers");
    }

    private void build(List<String> compiler, Path source, Path binary) throws IOException {
        // build beside the final name and move it in, so a failed or concurrent build never leaves half a binary
        Path partial = binary.resolveSibling(name() + ".partial-" + ProcessHandle.current().pid());
        Command command = new Command(compileCommand(compiler, source, partial), BUILD_TIMEOUT);
        Outcome outcome = Processes.run(command);
        if (outcome.exitCode() != 0 || !Files.exists(partial)) {
            Files.deleteIfExists(partial);
            throw new RigBroken("cannot build the helper " + file + "; the Xcode command-line tools are needed (xcode-select --install)\n"
                    + outcome.describe());
        }
        Files.move(partial, binary, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void publish(Path dir, Path copy, byte[] source) throws IOException {
        Files.createDirectories(dir);
        Path partial = copy.resolveSibling(copy.getFileName() + ".partial-" + ProcessHandle.current().pid());
        Files.write(partial, source);
        Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    byte[] source() {
        try (InputStream in = Helper.class.getResourceAsStream(RESOURCES + file)) {
            if (in == null) {
                throw new IllegalStateException("the helper source " + RESOURCES + file + " is not in the jar; rebuild orchestrate");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the helper source " + file + " from the jar", e);
        }
    }

    static String hash(byte[] source) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(source), 0, 8).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JDK", e);
        }
    }
}
