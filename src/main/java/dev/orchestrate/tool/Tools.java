package dev.orchestrate.tool;

import dev.orchestrate.host.Packages;
import dev.orchestrate.host.Platform;
import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Options;
import dev.orchestrate.tool.Tool.Profile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The copy tools a suite can name: engines written at different times for different reasons, on both platforms. */
public final class Tools {

    private static final List<Platform> BOTH = List.of(Platform.LINUX, Platform.MACOS);
    private static final List<Platform> LINUX = List.of(Platform.LINUX);
    private static final String CHUNK_HELP = "the size of each ";
    private static final Map<String, List<String>> RSYNC_SKIP = Map.of("none", List.of(), "same-size", List.of("--size-only"),
            "existing", List.of("--ignore-existing"));

    public static final List<Tool> ALL = List.of(
            new Cp(),
            new Dd(),
            new CommandTool(Profile.of("rsync", "rsync SOURCE DEST: a delta-transfer engine; whole-file, in place or preallocated", BOTH,
                    Via.COMMAND, List.of(Key.choice("mode", "whole-file", List.of("whole-file", "inplace", "preallocate"),
                            "whole-file: write a temporary file and rename it; inplace: write into the destination;"
                                    + " preallocate: fallocate first"),
                            Key.choice("skip", "none", List.of("none", "same-size", "existing"),
                                    "which files already on the target rsync leaves as they are: none (its quick check of size and"
                                            + " time); same-size: --size-only, any file of the same size; existing: --ignore-existing,"
                                            + " any file that exists (a rewrite with either can leave an older generation)"))),
                    "rsync", Packages.hint("rsync"),
                    (paths, o) -> Stream.of(Stream.of("rsync", "--" + o.text("mode")), RSYNC_SKIP.get(o.text("skip")).stream(),
                            Stream.of(paths.get(0), paths.get(1))).flatMap(s -> s).toList()),
            new CommandTool(Profile.of("tar", "tar -c | tar -x: an archive stream through a pipe, written in tar's record size", BOTH,
                    Via.COMMAND, List.of()),
                    "tar", Packages.hint("tar"),
                    (paths, o) -> List.of("bash", "-o", "pipefail", "-c", "tar -C \"$1\" -cf - -- \"$2\" | tar -C \"$3\" -xf -", "tar-pipe",
                            parent(paths.get(0)), name(paths.get(0)), parent(paths.get(1)))),
            new CommandTool(Profile.of("cat", "cat SOURCE > DEST: the shell's redirection, writes in cat's buffer size", BOTH,
                    Via.COMMAND, List.of()),
                    "cat", Packages.hint("cp"),
                    (paths, o) -> List.of("sh", "-c", "cat \"$1\" > \"$2\"", "cat", paths.get(0), paths.get(1))),
            new CommandTool(Profile.of("gio", "gio copy SOURCE DEST: GLib's copy engine, as the GNOME file manager uses it", LINUX,
                    Via.COMMAND, List.of()),
                    "gio", Packages.hint("gio"),
                    (paths, o) -> List.of("gio", "copy", paths.get(0), paths.get(1))),
            copier("nio", "Java NIO: Files.copy (the JDK picks the system call) or FileChannel.transferTo in chunks",
                    List.of(Key.choice("method", "files-copy", List.of("files-copy", "transfer-to"), "which NIO engine copies"),
                            Key.optional("chunk", Key.Type.SIZE, "8MiB", CHUNK_HELP + "transferTo call")),
                    o -> o.text("method").equals("files-copy") ? List.of("files-copy")
                            : List.of("transfer-to", "--chunk", Long.toString(o.size("chunk"))), o -> false),
            copier("mmap", "an mmap writer: stores into a shared mapping of the destination, window by window, forced by msync",
                    List.of(Key.optional("chunk", Key.Type.SIZE, "16MiB", CHUNK_HELP + "mapping window"),
                            Key.choice("force", "each", List.of("each", "end", "none"),
                                    "msync after each window, once at the end, or never (the kernel writes back)")),
                    o -> List.of("mmap", "--chunk", Long.toString(o.size("chunk")), "--force", o.text("force")),
                    // msync(MS_SYNC) is an fsync of the range: the file system flushes the device's cache after it
                    o -> !o.text("force").equals("none")),
            copier("odirect", "an O_DIRECT writer: writes of one chunk each, several in flight, landing in the order they complete",
                    List.of(Key.optional("chunk", Key.Type.SIZE, "512KiB",
                                    CHUNK_HELP + "write; a multiple of the file system's block size"),
                            Key.optional("threads", Key.Type.COUNT, "4", "writes in flight at once")),
                    o -> List.of("direct", "--chunk", Long.toString(o.size("chunk")), "--threads", Long.toString(o.count("threads"))),
                    o -> false),
            new Fio(),
            new Ditto(),
            onMac("asr", "asr restore: a block-level restore of a volume image holding the file onto the target volume, which it erases",
                    Via.COMMAND, new Helper("asr-restore.sh", List.of()), "asr", "asr is part of macOS", List.of(), (paths, o) -> paths),
            onMac("finder", "the Finder: AppleScript 'duplicate', the copy engine a user drags with", Via.APP,
                    new Helper("finder-duplicate.applescript", List.of()), "osascript", "osascript is part of macOS", List.of(),
                    Tools::intoFolder),
            onMac("copyfile", "copyfile(3): the libSystem copy engine under cp and the Finder; clone, data only, buffer size",
                    Via.API, new Helper("copyfile-copy.c", List.of("-std=c17")), "xcrun",
                    "install the Xcode command-line tools: xcode-select --install",
                    List.of(Key.choice("clone", "yes", List.of("yes", "no"),
                                    "yes: COPYFILE_CLONE (clone when the volume can); no: always copy the data"),
                            Key.choice("data-only", "no", List.of("no", "yes"), "yes: COPYFILE_DATA, the data fork only; no: COPYFILE_ALL"),
                            Key.choice("buffer-size", "default", List.of("default", "4KiB", "64KiB", "1MiB", "16MiB"),
                                    "copyfile's copy buffer size")),
                    (paths, o) -> concat(copyfileOptions(o), paths)),
            onMac("nsfilemanager", "NSFileManager copyItemAtPath:toPath:error:, the Foundation copy engine of Cocoa apps",
                    Via.API, new Helper("nsfilemanager-copy.m", List.of("-framework", "Foundation")), "xcrun",
                    "install the Xcode command-line tools: xcode-select --install", List.of(), (paths, o) -> paths),
            onMac("fscopyobject", "FSPathCopyObjectSync: the Carbon File Manager's copy engine, still used by older apps",
                    Via.API, new Helper("fscopyobject-copy.c", List.of("-std=c17", "-Wno-deprecated-declarations",
                            "-framework", "CoreServices", "-framework", "CoreFoundation")), "xcrun",
                    "install the Xcode command-line tools: xcode-select --install", List.of(), (paths, o) -> paths));

    private Tools() {
    }

    /** An engine of Java's own, through the copier: it runs wherever the JDK runs. */
    private static Tool copier(String name, String help, List<Key> keys, Function<Options, List<String>> args, Predicate<Options> flushes) {
        return new CopierTool(Profile.of(name, help, BOTH, Via.API, keys), args, flushes);
    }

    /** A macOS engine through one of the helpers in helpers/macos. */
    private static Tool onMac(String name, String help, Via via, Helper helper, String needs, String installHint, List<Key> keys,
                              BiFunction<List<String>, Options, List<String>> args) {
        return new HelperTool(Profile.of(name, help, List.of(Platform.MACOS), via, keys), helper, needs, installHint, args);
    }

    public static Optional<Tool> named(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The Finder duplicates into a folder and keeps the source's name, so the destination must be named like the source. */
    private static List<String> intoFolder(List<String> paths, Options o) {
        if (!name(paths.get(0)).equals(name(paths.get(1)))) {
            throw new RigBroken("the Finder keeps the source's name, but " + paths.get(0) + " is to become " + paths.get(1));
        }
        return List.of(paths.get(0), parent(paths.get(1)));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<String> copyfileOptions(Options o) {
        List<String> args = new ArrayList<>();
        if (o.text("clone").equals("no")) {
            args.add("--no-clone");
        }
        if (o.text("data-only").equals("yes")) {
            args.add("--data-only");
        }
        if (!o.text("buffer-size").equals("default")) {
            args.addAll(List.of("--block-size", Long.toString(o.size("buffer-size"))));
        }
        return args;
    }

    private static String parent(String path) {
        return Path.of(path).toAbsolutePath().getParent().toString();
    }

    private static String name(String path) {
        return Path.of(path).getFileName().toString();
    }
}
