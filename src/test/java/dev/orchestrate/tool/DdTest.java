package dev.orchestrate.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orchestrate.dut.Placement;
import dev.orchestrate.suite.Options;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DdTest {

    private static Options options(String... pairs) {
        return ToolOptions.of(new Dd(), pairs);
    }

    @Test
    void aMacDiskIsWrittenThroughTheRawOrTheBufferedNode() {
        Placement disk5 = new Placement(Path.of("/dev/rdisk5"), 2 << 20, 512);
        assertEquals("dd if=/src/f of=/dev/rdisk5 bs=1048576 status=none seek=2 conv=notrunc",
                new Dd().command(Path.of("/src/f"), disk5, options()).display());
        assertEquals("dd if=/src/f of=/dev/disk5 bs=1048576 status=none seek=2 conv=notrunc",
                new Dd().command(Path.of("/src/f"), disk5, options("node", "buffered")).display());
        assertEquals("dd if=/src/f of=/dev/disk/by-id/x bs=1048576 status=none seek=2 conv=notrunc",
                new Dd().command(Path.of("/src/f"), new Placement(Path.of("/dev/disk/by-id/x"), 2 << 20, 512), options()).display(),
                "a Linux by-id path is left alone");
    }

    @Test
    void intoAFile() {
        assertEquals("dd if=/src/f of=/vol/f bs=1048576 status=none",
                new Dd().command(Path.of("/src/f"), new Placement(Path.of("/vol/f"), -1, 512), options()).display());
    }

    @Test
    void rawAtAnAlignedOffsetSeeksInBlocks() {
        assertEquals("dd if=/src/f of=/img bs=1048576 status=none seek=3 oflag=direct conv=notrunc,fsync",
                new Dd().command(Path.of("/src/f"), new Placement(Path.of("/img"), 3 << 20, 512),
                        options("oflag", "direct", "conv", "fsync")).display());
    }

    @Test
    void rawAtAnUnalignedOffsetSeeksInBytes() {
        assertEquals("dd if=/src/f of=/img bs=1048576 status=none seek=1536 oflag=seek_bytes conv=notrunc",
                new Dd().command(Path.of("/src/f"), new Placement(Path.of("/img"), 1536, 512), options()).display());
    }
}
