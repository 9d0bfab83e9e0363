package dev.orchestrate.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orchestrate.suite.Options;
import dev.orchestrate.target.Placement;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DdTest {

    private static Options options(String... pairs) {
        return ToolOptions.of(new Dd(), pairs);
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
}
