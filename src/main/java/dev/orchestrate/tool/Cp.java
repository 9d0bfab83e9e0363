package dev.orchestrate.tool;

import dev.orchestrate.dut.Placement;
import dev.orchestrate.host.Packages;
import dev.orchestrate.host.Platform;
import dev.orchestrate.process.Command;
import dev.orchestrate.process.Executables;
import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Options;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * cp: the everyday copy. GNU cp on Linux (copy_file_range or read/write, holes kept by default);
 * BSD cp on macOS, which copies with copyfile(3) and has none of GNU's options.
 */
public final class Cp implements Tool {

    static final Profile PROFILE = Profile.of("cp",
            "cp SOURCE DEST: the everyday copy through the page cache; GNU cp can be told not to clone (reflink) or not to leave holes",
            List.of(Platform.LINUX, Platform.MACOS), Via.COMMAND,
            List.of(
                    Key.choice("reflink", "auto", List.of("auto", "never"), "GNU cp --reflink: auto clones when the file system can;"
                            + " never always copies the data"),
                    Key.choice("sparse", "auto", List.of("auto", "never", "always"), "GNU cp --sparse: never writes every zero byte;"
                            + " always punches holes for zero runs")));

    @Override
    public Profile profile() {
        return PROFILE;
    }

    @Override
    public Optional<String> missing(Options options) {
        if (Platform.current() == Platform.MACOS && !gnuOptions(options).isEmpty()) {
            return Optional.of("cp " + String.join(" ", gnuOptions(options)) + ": an option of GNU cp; macOS cp has no such option");
        }
        return Executables.missing("cp", Packages.hint("cp"));
    }

    @Override
    public Command command(Path source, Placement to, Options options) {
        List<String> argv = new ArrayList<>(List.of("cp"));
        argv.addAll(gnuOptions(options));
        argv.addAll(List.of("--", source.toString(), to.path().toString()));
        return new Command(argv, options.duration("timeout"));
    }

    private static List<String> gnuOptions(Options options) {
        List<String> out = new ArrayList<>();
        for (String key : List.of("reflink", "sparse")) {
            if (!options.text(key).equals("auto")) {
                out.add("--" + key + "=" + options.text(key));
            }
        }
        return out;
    }
}
