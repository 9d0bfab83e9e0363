package dev.orchestrate.copier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RequestTest {

    @Test
    void eachMethodHasItsOwnDefaultChunk() {
        assertEquals(new Request(Request.Method.DIRECT, 512 << 10, 4, "each", Path.of("a"), Path.of("b")),
                Request.parse(new String[] {"direct", "a", "b"}));
        assertEquals(16L << 20, Request.parse(new String[] {"mmap", "a", "b"}).chunk());
        assertEquals(8L << 20, Request.parse(new String[] {"transfer-to", "a", "b"}).chunk());
    }

    @Test
    void optionsComeBeforeThePaths() {
        Request r = Request.parse(new String[] {"mmap", "--chunk", "4096", "--force", "end", "--threads", "2", "a", "b"});
        assertEquals(4096, r.chunk());
        assertEquals("end", r.force());
        assertEquals(2, r.threads());
    }

    @Test
    void badArgumentsSayWhatIsWrong() {
        assertEquals("no method given", message());
        assertEquals("unknown method 'copy'; methods are files-copy, transfer-to, mmap, direct", message("copy", "a", "b"));
        assertEquals("--chunk takes a whole number from 1 to 1073741824, not '0'", message("direct", "--chunk", "0", "a", "b"));
        assertEquals("--force takes each, end or none, not 'always'", message("mmap", "--force", "always", "a", "b"));
        assertEquals("unknown option --fast", message("direct", "--fast", "1", "a", "b"));
        assertEquals("--threads needs a value", message("direct", "--threads"));
        assertEquals("expected SOURCE and DEST, found 1 argument(s): [a]", message("direct", "a"));
    }

    private static String message(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> Request.parse(args)).getMessage();
    }
}
