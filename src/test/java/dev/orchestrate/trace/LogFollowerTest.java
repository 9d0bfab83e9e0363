package dev.orchestrate.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A growing command log read in parts reads as the whole file would, line numbers of problems included. */
class LogFollowerTest {

    @TempDir
    Path dir;

    private static String line(long seq, String op) {
        return "{\"seq\":" + seq + ",\"t\":" + seq * 10 + ",\"op\":\"" + op + "\",\"offset\":0,\"length\":4096,\"result\":0}\n";
    }

    private void append(Path log, String text) throws IOException {
        Files.writeString(log, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void linesAddedBetweenReadsAreReadAsTheWholeFileWouldBe() throws IOException {
        Path log = dir.resolve("log.jsonl");
        LogFollower follower = new LogFollower(log);
        append(log, line(1, "write") + "\n" + "not json\n");
        assertEquals(TraceReader.read(log), follower.read());
        append(log, line(2, "fsync") + "{\"seq\":3}\n" + line(4, "write"));
        TraceReader.Log read = follower.read();
        assertEquals(TraceReader.read(log), read);
        assertEquals(List.of("log.jsonl line 3: not a JSON object", "log.jsonl line 5: no 't'"), read.problems().stream()
                .map(p -> p.replaceAll(": Unrecognized token.*", ": not a JSON object")).toList());
        assertEquals(List.of(1L, 2L, 4L), read.records().stream().map(Record::seq).toList());
    }

    @Test
    void aLineNotYetEndedIsReadEachTimeUntilItIs() throws IOException {
        Path log = dir.resolve("log.jsonl");
        LogFollower follower = new LogFollower(log);
        String second = line(2, "write");
        append(log, line(1, "write") + second.substring(0, 20));
        assertEquals(1, follower.read().records().size());
        assertEquals(List.of(), follower.read().problems(), "a half-written line is not yet a problem");
        append(log, second.substring(20, 30));
        assertEquals(1, follower.read().records().size());
        append(log, second.substring(30));
        TraceReader.Log read = follower.read();
        assertEquals(List.of(1L, 2L), read.records().stream().map(Record::seq).toList());
        assertEquals(List.of(), read.problems());
    }

    @Test
    void aLogReplacedByAnotherFileIsReadAgainFromItsStart() throws IOException {
        Path log = dir.resolve("log.jsonl");
        LogFollower follower = new LogFollower(log);
        append(log, line(1, "write") + line(2, "write"));
        assertEquals(2, follower.read().records().size());
        Path assembled = dir.resolve("assembled.jsonl");
        Files.writeString(assembled, line(7, "fsync") + line(8, "write") + line(9, "write"));
        Files.move(assembled, log, StandardCopyOption.REPLACE_EXISTING);
        assertEquals(List.of(7L, 8L, 9L), follower.read().records().stream().map(Record::seq).toList());
    }

    @Test
    void aCsvLogIsReadWhole() throws IOException {
        Path log = dir.resolve("log.csv");
        LogFollower follower = new LogFollower(log);
        append(log, "seq,t,op,offset,length\n1,10,write,0,512\n");
        assertEquals(1, follower.read().records().size());
        append(log, "2,20,fsync,0,0\n");
        assertEquals(TraceReader.read(log), follower.read());
        assertEquals(2, follower.read().records().size());
    }
}
