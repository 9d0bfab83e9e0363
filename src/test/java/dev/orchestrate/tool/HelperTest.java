package dev.orchestrate.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.outcome.RigBroken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How helpers are built on first use, tested with a stand-in compiler (a script that records its
 * arguments and writes an executable where -o says): built once, cached by the hash of the source,
 * rebuilt when the source changes, and a failed build breaks the rig with the compiler's output.
 */
class HelperTest {

    @TempDir
    Path dir;

    private Path compiler;
    private Path calls;

    @BeforeEach
    void standInCompiler() throws IOException {
        calls = dir.resolve("calls.txt");
        compiler = dir.resolve("cc");
        Files.writeString(compiler, """
                #!/bin/sh
                echo "$*" >> "%s"
                for a in "$@"; do [ -f "$a" ] && grep -q BROKEN "$a" && { echo "$a:1:1: error: expected ';'" >&2; exit 1; }; done
                out=""; prev=""
                for a in "$@"; do [ "$prev" = "-o" ] && out="$a"; prev="$a"; done
                printf '#!/bin/sh\\necho copied 0 bytes\\n' > "$out"; chmod +x "$out"
                """.formatted(calls));
        Files.setPosixFilePermissions(compiler, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private List<String> builds() throws IOException {
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    @Test
    void builtOnceThenTakenFromTheCache() throws IOException {
        Helper helper = new Helper("copyfile-copy.c", List.of("-std=c17"));
        byte[] source = "int main(void) { return 0; }\n".getBytes(StandardCharsets.UTF_8);
        List<String> first = helper.launcher(source, dir.resolve("cache"), List.of(compiler.toString()));
        List<String> again = helper.launcher(source, dir.resolve("cache"), List.of(compiler.toString()));
        assertEquals(first, again);
        assertEquals(1, builds().size(), "the second use finds the binary");
        Path binary = Path.of(first.getFirst());
        assertTrue(Files.isExecutable(binary));
        assertEquals("copyfile-copy-" + Helper.hash(source), binary.getParent().getFileName().toString());
        assertTrue(builds().getFirst().startsWith("-O2 -Wall -Wextra -Werror -o "), builds().getFirst());
        assertTrue(builds().getFirst().endsWith("copyfile-copy.c -std=c17"), builds().getFirst());
    }

    @Test
    void aChangedSourceIsBuiltAgainBesideTheOld() throws IOException {
        Helper helper = new Helper("copyfile-copy.c", List.of());
        List<String> old = helper.launcher("int main(void) { return 0; }\n".getBytes(StandardCharsets.UTF_8), dir,
                List.of(compiler.toString()));
        List<String> changed = helper.launcher("int main(void) { return 1; }\n".getBytes(StandardCharsets.UTF_8), dir,
                List.of(compiler.toString()));
        assertNotEquals(old, changed);
        assertEquals(2, builds().size());
    }

    @Test
    void aFailedBuildBreaksTheRigWithTheCompilersWordsAndLeavesNoBinary() throws IOException {
        Helper helper = new Helper("nsfilemanager-copy.m", List.of("-framework", "Foundation"));
        RigBroken e = assertThrows(RigBroken.class, () ->
                helper.launcher("BROKEN\n".getBytes(StandardCharsets.UTF_8), dir.resolve("cache"), List.of(compiler.toString())));
        assertTrue(e.getMessage().startsWith("cannot build the helper nsfilemanager-copy.m; "
                        + "the Xcode command-line tools are needed (xcode-select --install)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("error: expected ';'"), e.getMessage());
        try (Stream<Path> files = Files.walk(dir.resolve("cache"))) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith("nsfilemanager-copy") && Files.isExecutable(f)
                    && Files.isRegularFile(f)));
        }
    }

    @Test
    void objectiveCIsBuiltWithArcAndItsFrameworks() {
        Helper helper = new Helper("nsfilemanager-copy.m", List.of("-framework", "Foundation"));
        assertEquals(List.of("xcrun", "clang", "-fobjc-arc", "-O2", "-Wall", "-Wextra", "-Werror", "-o", "/c/bin", "/c/src.m",
                        "-framework", "Foundation"),
                helper.compileCommand(List.of("xcrun", "clang"), Path.of("/c/src.m"), Path.of("/c/bin")));
    }

    @Test
    void scriptsAreRunByTheirInterpreterWithoutBuilding() throws IOException {
        List<String> finder = new Helper("finder-duplicate.applescript", List.of()).launcher(dir, List.of(compiler.toString()));
        assertEquals("osascript", finder.getFirst());
        assertTrue(Files.readString(Path.of(finder.get(1))).contains("duplicate"));
        List<String> asr = new Helper("asr-restore.sh", List.of()).launcher(dir, List.of(compiler.toString()));
        assertEquals("bash", asr.getFirst());
        assertEquals(List.of(), builds());
    }

    @Test
    void everyHelperAToolNamesIsInTheJar() {
        Tools.ALL.stream().filter(t -> t instanceof HelperTool).map(t -> ((HelperTool) t).helper()).forEach(h ->
                assertTrue(h.source().length > 100, h.file()));
    }
}
