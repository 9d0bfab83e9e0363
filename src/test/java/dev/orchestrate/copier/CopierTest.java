package dev.orchestrate.copier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every method copies byte for byte, also sizes that end mid-block, and answers with an exit code and one line. */
class CopierTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Copier.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({
        "files-copy, 3146000, 1",
        "transfer-to, 3146000, 2",
        "mmap, 3146000, 4",
        "direct, 3146000, 13",
        "direct, 0, 0"})
    void copiesExactly(String method, int size, int writes) throws IOException {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        Path source = Files.write(dir.resolve("source.bin"), data);
        Path dest = dir.resolve("dest.bin");
        String[] args = switch (method) {
            case "transfer-to" -> new String[] {method, "--chunk", "2097152", source.toString(), dest.toString()};
            case "mmap" -> new String[] {method, "--chunk", "1048576", source.toString(), dest.toString()};
            case "direct" -> new String[] {method, "--chunk", "262144", "--threads", "3", source.toString(), dest.toString()};
            default -> new String[] {method, source.toString(), dest.toString()};
        };
        assertEquals(0, run(args), err.toString(StandardCharsets.UTF_8));
        assertArrayEquals(data, Files.readAllBytes(dest));
        assertEquals("copied " + size + " bytes in " + writes + " writes\n", out.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({"files-copy", "transfer-to", "mmap", "direct"})
    void aMissingSourceIsAFailedCopy(String method) {
        assertEquals(1, run(method, dir.resolve("nothing").toString(), dir.resolve("dest").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("copier " + method.replace('-', '_') + ": copying "
                        + dir.resolve("nothing")),
                err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({"mmap", "direct"})
    void badArgumentsExitTwoWithTheUsage(String method) {
        assertEquals(2, run(method, "--chunk", "-5", "a", "b"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: copier <method>"));
    }
}
