package dev.orchestrate.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orchestrate.suite.Location;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Value;
import dev.orchestrate.target.Placement;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DdTest {

    private static Options options(String... pairs) {
        Map<String, Value> values = new HashMap<>(Map.of("timeout", value("1m"), "block-size", value("1MiB"), "oflag", value("none"), "conv", value("none")));
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], value(pairs[i + 1]));
        }
        return new Options("copy", values);
    }

    private static Value value(String text) {
        return new Value(text, new Location("t", 1, 1));
    }

    @Test
    void intoAFile() {
        assertEquals("dd if=/src/f of=/vol/f bs=1048576 status=none",
                new Dd().command(Path.of("/src/f"), new Placement(Path.of("/vol/f"), -1, 512), options()).display());
    }

    @Test
    void rawAtAnAlignedOffsetSeeksInBlocks() {
        assertEquals("dd if=/src/f of=/img bs=1048576 status=none seek=3 oflag=direct conv=notrunc,fsync",
                new Dd().command(Path.of("/src/f"), new Placement(Path.of("/img"), 3 << 20, 512), options("oflag", "direct", "conv", "fsync")).display());
    }

    @Test
    void rawAtAnUnalignedOffsetSeeksInBytes() {
        assertEquals("dd if=/src/f of=/img bs=1048576 status=none seek=1536 oflag=seek_bytes conv=notrunc",
                new Dd().command(Path.of("/src/f"), new Placement(Path.of("/img"), 1536, 512), options()).display());
    }

    @Test
    void cpCopiesToThePath() {
        assertEquals("cp -- /src/f /vol/f", new Cp().command(Path.of("/src/f"), new Placement(Path.of("/vol/f"), -1, 512), options()).display());
    }
}
