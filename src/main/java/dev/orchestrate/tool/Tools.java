package dev.orchestrate.tool;

import dev.orchestrate.suite.Key;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The copy tools a suite can name. */
public final class Tools {

    public static final List<Tool> ALL = List.of(
            new Cp(),
            new Dd(),
            new FileSystemTool("rsync", "rsync SOURCE DEST: a delta-transfer engine; whole-file, in place or preallocated",
                    "rsync", "apt-get install rsync",
                    List.of(Key.choice("mode", "whole-file", List.of("whole-file", "inplace", "preallocate"),
                            "whole-file: write a temporary file and rename it; inplace: write into the destination; preallocate: fallocate first")),
                    (paths, o) -> List.of("rsync", "--" + o.text("mode"), paths.get(0), paths.get(1))),
            new FileSystemTool("tar", "tar -c | tar -x: an archive stream through a pipe, written in tar's record size",
                    "tar", "apt-get install tar", List.of(),
                    (paths, o) -> List.of("bash", "-o", "pipefail", "-c", "tar -C \"$1\" -cf - \"$2\" | tar -C \"$3\" -xf -", "tar-pipe",
                            parent(paths.get(0)), name(paths.get(0)), parent(paths.get(1)))),
            new FileSystemTool("cat", "cat SOURCE > DEST: the shell's redirection, writes in cat's buffer size",
                    "cat", "apt-get install coreutils", List.of(),
                    (paths, o) -> List.of("sh", "-c", "cat \"$1\" > \"$2\"", "cat", paths.get(0), paths.get(1))),
            new FileSystemTool("gio", "gio copy SOURCE DEST: GLib's copy engine, as the GNOME file manager uses it",
                    "gio", "apt-get install libglib2.0-bin", List.of(),
                    (paths, o) -> List.of("gio", "copy", paths.get(0), paths.get(1))));

    private Tools() {
    }

    public static Optional<Tool> named(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    private static String parent(String path) {
        return Path.of(path).toAbsolutePath().getParent().toString();
    }

    private static String name(String path) {
        return Path.of(path).getFileName().toString();
    }
}
