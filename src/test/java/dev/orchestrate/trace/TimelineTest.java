package dev.orchestrate.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {

    @Test
    void rowsAndMarksAreOneLogInTimeOrderWithAMarkAfterTheRowsOfItsInstant() {
        List<Record> rows = List.of(new Record(11, 100, Op.WRITE, 0, 512, 0, ""), new Record(13, 300, Op.WRITE, 512, 512, 0, ""),
                new Record(17, 300, Op.FSYNC, 0, 0, 0, ""));
        List<Record> marks = List.of(new Record(0, 50, Op.STEP, 0, 0, 0, "copy"), new Record(0, 300, Op.STEP, 0, 0, 0, "sync"));
        assertEquals(List.of(new Record(5, 50, Op.STEP, 0, 0, 0, "copy"), new Record(6, 100, Op.WRITE, 0, 512, 0, ""),
                new Record(7, 300, Op.WRITE, 512, 512, 0, ""), new Record(8, 300, Op.FSYNC, 0, 0, 0, ""),
                new Record(9, 300, Op.STEP, 0, 0, 0, "sync")), Timeline.merge(rows, marks, 5));
    }
}
