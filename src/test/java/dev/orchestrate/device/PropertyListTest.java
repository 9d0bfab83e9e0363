package dev.orchestrate.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.outcome.RigBroken;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PropertyListTest {

    private static final String DOCTYPE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n";

    @Test
    void everyValueTypeBecomesAPlainJavaValue() {
        Object value = PropertyList.parse(DOCTYPE + """
                <plist version="1.0"><dict>
                  <key>s</key><string>Fibre Channel Interface</string>
                  <key>empty</key><string></string>
                  <key>i</key><integer>65999999991808</integer>
                  <key>negative</key><integer>-1</integer>
                  <key>mask</key><integer>18446744073709551615</integer>
                  <key>r</key><real>1.5</real>
                  <key>t</key><true/>
                  <key>f</key><false/>
                  <key>d</key><data>
                    R0FN
                    TUE=
                  </data>
                  <key>when</key><date>2025-11-02T03:04:05Z</date>
                  <key>a</key><array><integer>1</integer><dict/><array/></array>
                  <key>amp</key><string>A &amp; B</string>
                </dict></plist>
                """, "inline");
        Map<?, ?> map = (Map<?, ?>) value;
        assertEquals(List.of("s", "empty", "i", "negative", "mask", "r", "t", "f", "d", "when", "a", "amp"), List.copyOf(map.keySet()));
        assertEquals("Fibre Channel Interface", map.get("s"));
        assertEquals("", map.get("empty"));
        assertEquals(65_999_999_991_808L, map.get("i"));
        assertEquals(-1L, map.get("negative"));
        assertEquals(-1L, map.get("mask"), "an all-ones unsigned 64-bit value keeps its bits");
        assertEquals(1.5, map.get("r"));
        assertEquals(true, map.get("t"));
        assertEquals(false, map.get("f"));
        assertArrayEquals("GAMMA".getBytes(), (byte[]) map.get("d"));
        assertEquals(Instant.parse("2025-11-02T03:04:05Z"), map.get("when"));
        assertEquals(List.of(1L, Map.of(), List.of()), map.get("a"));
        assertEquals("A & B", map.get("amp"));
    }

    @Test
    void theAppleDoctypeIsNeverFetchedAndEntitiesAreNotExpanded() {
        // the fixtures all carry the DOCTYPE to apple.com; reading them offline must work
        assertTrue(Fixtures.plist("diskutil-info-disk5-raid-scsi.plist") instanceof Map<?, ?>);
        RigBroken e = assertThrows(RigBroken.class, () -> PropertyList.parse("""
                <?xml version="1.0"?>
                <!DOCTYPE plist [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
                <plist version="1.0"><string>&secret;</string></plist>
                """, "hostile"));
        assertTrue(e.getMessage().startsWith("hostile:"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "diskutil-info-truncated.plist      | truncated",
        "diskutil-info-key-without-value.plist | key 'DeviceBlockSize' has no value",
        "diskutil-info-bad-integer.plist    | <integer> holds '66.0 TB', not a 64-bit integer",
        "diskutil-info-not-plist.txt        | not a well-formed property list",
        "ioreg-truncated.plist              | truncated",
    })
    void badOutputIsAnErrorNamingTheFileAndPlace(String file, String says) {
        RigBroken e = assertThrows(RigBroken.class, () -> PropertyList.read(Fixtures.MACOS.resolve(file)));
        String message = e.getMessage();
        assertTrue(message.matches("(?s)fixtures/macos/" + file.replace(".", "\\.") + ":\\d+:\\d+: .*"), message);
        assertTrue(message.contains(says), message);
        assertFalse(message.contains("ParseError at"), "the JDK's own position prefix is replaced by file:line:col: " + message);
    }

    @Test
    void emptyOutputSaysSo() {
        RigBroken e = assertThrows(RigBroken.class, () -> PropertyList.parse("  \n", "diskutil info -plist disk5"));
        assertEquals("diskutil info -plist disk5: empty output where a property list was expected;"
                + " run the command by hand to see what it printed", e.getMessage());
    }

    @Test
    void structuralMistakesAreNamed() {
        assertThrows(RigBroken.class, () -> PropertyList.parse("<plist><dict><key>a</key><true/><key>a</key><false/></dict></plist>", "x"),
                "a duplicate key");
        RigBroken e = assertThrows(RigBroken.class, () -> PropertyList.parse("<plist><dict><string>a</string></dict></plist>", "x"));
        assertTrue(e.getMessage().contains("expected <key> in <dict>, found <string>"), e.getMessage());
        e = assertThrows(RigBroken.class, () -> PropertyList.parse("<plist><blob/></plist>", "x"));
        assertTrue(e.getMessage().contains("unknown property list element <blob>"), e.getMessage());
        e = assertThrows(RigBroken.class, () -> PropertyList.parse("<dict/>", "x"));
        assertTrue(e.getMessage().contains("expected <plist> but found <dict>"), e.getMessage());
    }
}
