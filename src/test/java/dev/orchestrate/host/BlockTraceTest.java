package dev.orchestrate.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.Privileged;
import dev.orchestrate.trace.Op;
import dev.orchestrate.trace.Record;
import dev.orchestrate.trace.TraceReader;
import dev.orchestrate.trace.TraceWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The block layer's record of a loop device, taken while dd writes to it. */
@Privileged
class BlockTraceTest {

    @TempDir
    Path dir;

    @BeforeEach
    void theHostCanTrace() {
        BlockTrace.unavailable().ifPresent(why -> {
            System.err.println("SKIPPED (block trace) " + getClass().getSimpleName() + ": " + why);
            Assumptions.abort(why);
        });
    }

    private static void dd(String... args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Stream.concat(Stream.of("timeout", "60", "dd", "status=none"), Stream.of(args)).toList())
                .inheritIO().start();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS) && p.exitValue() == 0, "dd " + String.join(" ", args));
    }

    @Test
    void everyRequestTheDriverIsGivenIsLoggedBetweenTheStepMarks() throws Exception {
        Path image = dir.resolve("disk.img");
        try (var f = new RandomAccessFile(image.toFile(), "rw")) {
            f.setLength(64L << 20);
        }
        Loop loop = Loop.attach(image);
        Path file = dir.resolve("block-trace.jsonl");
        try (TraceWriter out = new TraceWriter(file)) {
            BlockTrace trace = BlockTrace.start(loop.device(), out);
            try {
                trace.mark("copy");
                dd("if=/dev/zero", "of=" + loop.device(), "bs=256K", "count=4", "seek=8", "oflag=direct", "conv=fsync");
                trace.mark("verify");
                trace.sync();
            } finally {
                trace.close();
            }
        } finally {
            loop.detach();
        }
        List<Record> records = TraceReader.read(file).records();
        List<String> copy = records.stream().dropWhile(r -> !(r.op() == Op.STEP && r.cause().equals("copy"))).skip(1)
                .takeWhile(r -> r.op() != Op.STEP).filter(r -> r.op() == Op.WRITE || r.op() == Op.FLUSH)
                .map(r -> r.op().label() + " " + r.offset() + "+" + r.length()).toList();
        assertEquals(List.of("write 2097152+262144", "write 2359296+262144", "write 2621440+262144", "write 2883584+262144", "flush 0+0"),
                copy, "the four direct writes and the fsync's flush, as the driver got them: " + records);
        assertTrue(records.stream().anyMatch(r -> r.op() == Op.STEP && r.cause().equals("verify")));
        assertTrue(records.stream().allMatch(r -> r.result() == 0));
        try (Stream<Path> instances = Files.list(BlockTrace.TRACEFS.resolve("instances"))) {
            String mine = "orchestrate-" + ProcessHandle.current().pid() + "-";
            assertFalse(instances.anyMatch(i -> i.getFileName().toString().startsWith(mine)), "the tracefs instance is removed");
        }
    }
}
