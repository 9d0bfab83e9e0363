package dev.orchestrate.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceReaderTest {

    @TempDir
    Path dir;

    @Test
    void writesAndReadsBackEveryField() throws IOException {
        Path log = dir.resolve("log.jsonl");
        try (TraceWriter w = new TraceWriter(log)) {
            w.log(Op.WRITE, 4096, 1 << 20, 0, "");
            w.log(Op.DESTAGE, 4096, 1 << 20, 0, "fsync");
            w.log(Op.FAULT, 0, 0, 0, "a \"quoted\" fault");
            w.log(Op.READ, 0, 512, -5, "");
        }
        List<Record> records = TraceReader.read(log).records();
        assertEquals(4, records.size());
        assertEquals(new Record(1, records.get(0).nanos(), Op.WRITE, 4096, 1 << 20, 0, ""), records.get(0));
        assertEquals("fsync", records.get(1).cause());
        assertEquals("a \"quoted\" fault", records.get(2).cause());
        assertEquals(-5, records.get(3).result());
    }

    @Test
    void aTitleWithControlCharactersStaysOneValidLine() throws IOException {
        Path log = dir.resolve("log.jsonl");
        String title = "copy: tab\there, bell\u0007, new\nline, back\\slash";
        try (TraceWriter w = new TraceWriter(log)) {
            w.log(Op.STEP, 0, 0, 0, title);
            w.flush();
            assertEquals(1, Files.readAllLines(log).size(), "a flushed log ends its last line");
            w.log(Op.WRITE, 0, 4096, 0, "");
        }
        TraceReader.Log read = TraceReader.read(log);
        assertEquals(List.of(), read.problems());
        assertEquals(2, Files.readAllLines(log).size());
        assertEquals(title, read.records().getFirst().cause());
    }

    @Test
    void csvWithAHeaderIsReadToo() throws IOException {
        Path log = Files.writeString(dir.resolve("driver.csv"), """
                seq,t,op,offset,length,result
                1,100,write,1048576,524288,0
                2,200,fsync,0,0,0
                3,300,write,0,4096
                4,400,scsi-magic,0,0,0
                5,five,write,0,4096,0
                """);
        TraceReader.Log read = TraceReader.read(log);
        assertEquals(List.of(new Record(1, 100, Op.WRITE, 1048576, 524288, 0, ""), new Record(2, 200, Op.FSYNC, 0, 0, 0, "")),
                read.records());
        assertEquals(List.of("driver.csv line 4: 5 fields, the header names 6",
                "driver.csv line 5: unknown op 'scsi-magic'; expected one of open, release, read, write, flush, fsync, discard, destage, "
                        + "power-cut, shutdown, fault, step, other",
                "driver.csv line 6: 't' is not a whole number: 'five'"), read.problems());
    }

    @Test
    void aSecondWriterContinuesTheSequence() throws IOException {
        Path log = dir.resolve("log.jsonl");
        try (TraceWriter w = new TraceWriter(log)) {
            w.log(Op.OPEN, 0, 0, 0, "");
        }
        try (TraceWriter w = new TraceWriter(log)) {
            assertEquals(2, w.log(Op.OPEN, 0, 0, 0, "").seq());
        }
    }

    @Test
    void malformedLinesAreReportedByNumber() throws IOException {
        Path log = Files.writeString(dir.resolve("driver.jsonl"), """
                {"seq":1,"t":10,"op":"write","offset":0,"length":4096}
                not json at all
                {"seq":3,"t":30,"op":"write","length":4096}
                {"seq":4,"t":40,"op":"scsi-magic","offset":0,"length":0}

                {"seq":5,"t":50,"op":"fsync","offset":0,"length":0}
                """);
        TraceReader.Log read = TraceReader.read(log);
        assertEquals(2, read.records().size());
        assertEquals(3, read.problems().size());
        assertEquals("driver.jsonl line 2: ", read.problems().get(0).substring(0, 21));
        assertEquals("driver.jsonl line 3: no 'offset'", read.problems().get(1));
        assertEquals(true, read.problems().get(2).startsWith("driver.jsonl line 4: "));
    }

    @Test
    void numbersGivenAsTextNullsAndUnknownFieldsReadAsBefore() throws IOException {
        Path log = Files.writeString(dir.resolve("driver.jsonl"), """
                {"seq":"7","t":70,"op":"write","offset":"512","length":4096,"result":null,"cause":null,"extra":{"a":[1,2]}}
                [1,2,3]
                {"seq":8,"t":80,"op":null,"offset":0,"length":0}
                """);
        TraceReader.Log read = TraceReader.read(log);
        assertEquals(List.of(new Record(7, 70, Op.WRITE, 512, 4096, 0, "")), read.records());
        assertEquals(List.of("driver.jsonl line 2: not a JSON object", "driver.jsonl line 3: no 'op'"), read.problems());
    }
}
