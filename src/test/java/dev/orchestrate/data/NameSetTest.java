package dev.orchestrate.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NameSetTest {

    @TempDir
    Path dir;

    private NameSet read(String text) throws IOException {
        return NameSet.read(Files.writeString(dir.resolve("names.txt"), text, StandardCharsets.UTF_8));
    }

    @Test
    void escapesKeepTheComposedAndDecomposedFormsApart() throws IOException {
        NameSet set = read("# comment\ncaf\\u{E9}.bin\n\ncafe\\u{301}.bin\n\\u{1F4E6} box\n");
        assertEquals(List.of(), set.problems());
        assertEquals(List.of("café.bin", "cafe\u0301.bin", "\uD83D\uDCE6 box"), set.names());
        assertNotEquals(set.names().get(0), set.names().get(1));
        assertEquals(Normalizer.normalize(set.names().get(0), Normalizer.Form.NFC),
                Normalizer.normalize(set.names().get(1), Normalizer.Form.NFC));
        assertEquals("U+0063 U+0061 U+0066 U+0065 U+0301 U+002E U+0062 U+0069 U+006E", NameSet.codePoints(set.names().get(1)));
    }

    @Test
    void aLongNameIsSpelledOutOnlySoFar() {
        assertEquals("U+0061 U+0061 U+0061 U+0061 U+0061 U+0061 U+0061 U+0061 U+0061 U+0061 U+0061 U+0061 U+0061 U+0061 U+0061 U+0061 "
                + "U+0061 U+0061 U+0061 U+0061 U+0061 U+0061 U+0061 U+0061 ... (30 code points)", NameSet.codePoints("a".repeat(30)));
    }

    @Test
    void everyBadLineIsNamedByItsNumber() throws IOException {
        String tooLong = "x".repeat(256);
        NameSet set = read("ok\na/b\n..\nok\n" + tooLong + "\n\\u{D800}\n");
        Path file = dir.resolve("names.txt");
        assertEquals(List.of(
                file + ":2: 'a/b' holds '/' or NUL, which no file name can",
                file + ":3: '..' is not a file name",
                file + ":4: 'ok' is listed twice",
                file + ":5: 'xxxxxxxxxxxxxxxxxxxx...' is 256 bytes in UTF-8; file names hold at most 255",
                file + ":6: \\u{D800} is not a Unicode character"), set.problems());
        assertEquals(List.of("ok"), set.names());
    }

    @Test
    void anEmptyOrUnreadableSetSaysSo() throws IOException {
        assertTrue(read("# only comments\n").problems().getFirst().endsWith("holds no names; write one name per line"));
        Path latin1 = Files.write(dir.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'});
        assertEquals(List.of(latin1 + ": not UTF-8 text; save it as UTF-8"), NameSet.read(latin1).problems());
        assertTrue(NameSet.read(dir.resolve("absent.txt")).problems().getFirst().contains("cannot read the name set"));
    }

    @Test
    void theShippedFixtureIsUsable() {
        NameSet set = NameSet.read(Path.of("fixtures/names.txt"));
        assertEquals(List.of(), set.problems());
        assertTrue(set.names().size() >= 12, "names: " + set.names());
        assertTrue(set.names().stream().anyMatch(n -> n.getBytes(StandardCharsets.UTF_8).length == NameSet.MAX_BYTES),
                "a name of exactly 255 bytes");
        assertTrue(set.names().stream().anyMatch(n -> !Normalizer.isNormalized(n, Normalizer.Form.NFC)), "a decomposed name");
        assertTrue(set.names().stream().anyMatch(n -> n.codePoints().anyMatch(c -> c > 0xFFFF)), "a name outside the BMP");
    }
}
