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
 * dd: fixed-size writes of {@code block-size}, optionally O_DIRECT or O_DSYNC; writes into files or
 * raw at a device offset. GNU dd on Linux; BSD dd on macOS has no oflag, conv=fsync or byte seeks.
 */
public final class Dd implements Tool {

    static final Profile PROFILE = new Profile("dd",
            "dd if=SOURCE of=DEST bs=N: writes of a fixed size, into a file or raw at a device offset",
            List.of(Platform.LINUX, Platform.MACOS), Via.COMMAND,
            List.of(
                    Key.optional("block-size", Key.Type.SIZE, "1MiB", "dd's bs: the size of each write"),
                    Key.choice("oflag", "none", List.of("none", "direct", "dsync", "sync"), "dd's oflag: direct bypasses the page cache,"
                            + " dsync/sync make each write synchronous"),
                    Key.choice("conv", "none", List.of("none", "fsync", "fdatasync"), "dd's conv: flush the output once at the end"),
                    Key.choice("node", "raw", List.of("raw", "buffered"), "on a macOS disk: raw writes to /dev/rdiskN"
                            + " (straight to the driver), buffered to /dev/diskN (through the buffer cache, as the field's dd did)")),
            true);

    @Override
    public Profile profile() {
        return PROFILE;
    }

    @Override
    public Optional<String> missing(Options options) {
        if (Platform.current() == Platform.MACOS && !(options.text("oflag").equals("none") && options.text("conv").equals("none"))) {
            return Optional.of("dd oflag=" + options.text("oflag") + " conv=" + options.text("conv")
                    + ": options of GNU dd; macOS dd has neither");
        }
        return Executables.missing("dd", Packages.hint("cp"));
    }

    /** conv=fsync or fdatasync flushes at the end; oflag=sync or dsync makes every write synchronous. */
    @Override
    public boolean flushes(Options options) {
        return !options.text("conv").equals("none") || List.of("sync", "dsync").contains(options.text("oflag"));
    }

    /** A macOS disk's node as the suite chose it: /dev/rdiskN or /dev/diskN; any other path as it is. */
    static String node(Path path, String node) {
        String p = path.toString();
        return node.equals("buffered") ? p.replaceFirst("^/dev/rdisk", "/dev/disk") : p.replaceFirst("^/dev/disk(?=\\d)", "/dev/rdisk");
    }

    @Override
    public Command command(Path source, Placement to, Options options) {
        long bs = options.size("block-size");
        List<String> argv = new ArrayList<>(List.of("dd", "if=" + source, "of=" + node(to.path(), options.text("node")), "bs=" + bs,
                "status=none"));
        List<String> oflags = new ArrayList<>();
        if (!options.text("oflag").equals("none")) {
            oflags.add(options.text("oflag"));
        }
        if (to.raw() && to.deviceOffset() > 0) {
            if (to.deviceOffset() % bs == 0) {
                argv.add("seek=" + to.deviceOffset() / bs);
            } else {
                argv.add("seek=" + to.deviceOffset());
                oflags.add("seek_bytes");
            }
        }
        if (!oflags.isEmpty()) {
            argv.add("oflag=" + String.join(",", oflags));
        }
        // a raw target must not be truncated at the end of the copy; a file must end where the source ends
        List<String> conv = new ArrayList<>(to.raw() ? List.of("notrunc") : List.of());
        if (!options.text("conv").equals("none")) {
            conv.add(options.text("conv"));
        }
        if (!conv.isEmpty()) {
            argv.add("conv=" + String.join(",", conv));
        }
        return new Command(argv, options.duration("timeout"));
    }
}
