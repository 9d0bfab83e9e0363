package dev.orchestrate.tool;

import dev.orchestrate.dut.Placement;
import dev.orchestrate.host.Platform;
import dev.orchestrate.process.Command;
import dev.orchestrate.process.Executables;
import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Options;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** ditto: macOS's archiving copy engine, with its own buffer sizes; optionally without caching, or HFS+-compressed. */
public final class Ditto implements Tool {

    static final Profile PROFILE = Profile.of("ditto",
            "ditto SOURCE DEST: macOS's archiving copy engine; --nocache keeps its data out of the cache,"
                    + " --hfsCompression stores it compressed",
            List.of(Platform.MACOS), Via.COMMAND,
            List.of(
                    Key.choice("nocache", "no", List.of("no", "yes"), "yes: ditto --nocache, which does not use the buffer cache"),
                    Key.choice("compression", "no", List.of("no", "yes"), "yes: ditto --hfsCompression; the file is stored compressed"
                            + " and verified through the file system")));

    @Override
    public Profile profile() {
        return PROFILE;
    }

    @Override
    public Leaves leaves(Options options) {
        return options.text("compression").equals("yes") ? Leaves.TRANSFORMED : Leaves.DATA;
    }

    @Override
    public Optional<String> missing(Options options) {
        return Executables.missing("ditto", "ditto is part of macOS");
    }

    @Override
    public Command command(Path source, Placement to, Options options) {
        List<String> argv = new ArrayList<>(List.of("ditto"));
        if (options.text("nocache").equals("yes")) {
            argv.add("--nocache");
        }
        if (options.text("compression").equals("yes")) {
            argv.add("--hfsCompression");
        }
        argv.addAll(List.of(source.toString(), to.path().toString()));
        return new Command(argv, options.duration("timeout"));
    }
}
