package dev.orchestrate.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orchestrate.dut.Placement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fio writes and later checks the same job, so it finds its own headers where it put them. */
class FioTest {

    @TempDir
    Path dir;

    @Test
    void theCheckIsTheWriteJobWithVerifyOnly() throws IOException {
        Path source = Files.write(dir.resolve("file-1.bin"), new byte[3 << 20]);
        Placement to = new Placement(Path.of("/vol/file-1.bin"), -1, 512);
        Fio fio = new Fio();
        String job = "fio --name=orchestrate --filename=/vol/file-1.bin --size=3145728 --rw=write --bs=131072 --ioengine=libaio "
                + "--iodepth=16 --direct=1 --verify=crc32c --verify_fatal=0 --continue_on_error=verify --verify_state_save=0 "
                + "--verify_dump=0 ";
        assertEquals(job + "--do_verify=0", fio.command(source, to, ToolOptions.of(fio)).display());
        assertEquals(job + "--verify_only", fio.check(source, to, ToolOptions.of(fio)).orElseThrow().display());
        assertEquals(Leaves.OWN, fio.leaves(ToolOptions.of(fio)));
    }

    @Test
    void optionsShapeTheQueue() throws IOException {
        Path source = Files.write(dir.resolve("file-1.bin"), new byte[4096]);
        String line = new Fio().command(source, new Placement(Path.of("/v/f"), -1, 512),
                ToolOptions.of(new Fio(), "block-size", "4KiB", "iodepth", "1", "ioengine", "psync", "direct", "no")).display();
        assertEquals("fio --name=orchestrate --filename=/v/f --size=4096 --rw=write --bs=4096 --ioengine=psync --iodepth=1 --direct=0 "
                + "--verify=crc32c --verify_fatal=0 --continue_on_error=verify --verify_state_save=0 --verify_dump=0 --do_verify=0",
                line);
    }
}
