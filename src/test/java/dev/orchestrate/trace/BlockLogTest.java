package dev.orchestrate.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockLogTest {

    @TempDir
    Path dir;

    private List<Record> logOf(List<String> lines) throws IOException {
        Path file = dir.resolve("block-trace.jsonl");
        try (TraceWriter out = new TraceWriter(file)) {
            BlockLog log = new BlockLog(out);
            lines.forEach(l -> BlockEvent.parse(l).ifPresent(log::accept));
            log.drain();
        }
        TraceReader.Log read = TraceReader.read(file);
        assertEquals(List.of(), read.problems());
        return read.records();
    }

    private static String summary(Record r) {
        return r.op().label() + " " + r.offset() + "+" + r.length() + (r.result() == 0 ? "" : " " + r.result())
                + (r.cause().isEmpty() ? "" : " " + r.cause());
    }

    @Test
    void requestsAreLoggedAsIssuedWithTheResultTheirCompletionGave() throws IOException {
        List<Record> records = logOf(Files.readAllLines(Path.of("src/test/resources/trace/block-events.txt")));
        assertEquals(List.of("step 0+0 copy: dd bs=1M", "write 0+524288", "write 524288+524288", "flush 0+0", "write 1048576+4096 -5 fua",
                "discard 0+1048576", "read 67100672+4096", "step 0+0 sync"), records.stream().map(BlockLogTest::summary).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), records.stream().map(Record::seq).toList());
    }

    @Test
    void aRequestIssuedTwiceBeforeItCompletedCountsOnce() throws IOException {
        List<Record> records = logOf(List.of(
                " kworker-1 [000] ..... 10.000001: block_rq_issue: 7,0 W 4096 () 8 + 8 be,0,4 [kworker]",
                " kworker-1 [000] ..... 10.000005: block_rq_issue: 7,0 W 4096 () 8 + 8 be,0,4 [kworker]",
                " ksoftirqd-2 [001] ..s.. 10.000009: block_rq_complete: 7,0 W () 8 + 8 be,0,4 [0]"));
        assertEquals(List.of("write 4096+4096"), records.stream().map(BlockLogTest::summary).toList());
    }

    @Test
    void aPreflushWriteIsAFlushThenTheWrite() throws IOException {
        List<Record> records = logOf(List.of(
                " jbd2-1 [000] ..... 10.000001: block_rq_issue: 7,0 FWS 4096 () 16 + 8 be,0,4 [jbd2]",
                " ksoftirqd-2 [001] ..s.. 10.000009: block_rq_complete: 7,0 FWS () 16 + 8 be,0,4 [0]"));
        assertEquals(List.of("flush 0+0", "write 8192+4096"), records.stream().map(BlockLogTest::summary).toList());
    }
}
