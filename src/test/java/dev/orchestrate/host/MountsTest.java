package dev.orchestrate.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MountsTest {

    @Test
    void procMountsEscapesAreUndone() {
        assertEquals("/mnt/my disk", Mounts.unescape("/mnt/my\\040disk"));
        assertEquals("a\\b", Mounts.unescape("a\\134b"));
    }

    @Test
    void theRootIsMounted() {
        assertTrue(Mounts.mounted(Path.of("/")));
        assertTrue(Mounts.list().stream().anyMatch(e -> e.point().equals(Path.of("/"))));
    }
}
