package dev.orchestrate.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Records kept apart (a tracer's rows, the cell's step marks) as one command log. The diagnosis
 * reads the order of {@code seq} as the order things happened, so the records are put in time order
 * and numbered again; a tracer prints late, so its rows cannot simply follow the marks as they came.
 */
public final class Timeline {

    private Timeline() {
    }

    /**
     * {@code rows} and {@code marks} in time order, numbered from {@code firstSeq}. A mark goes after the
     * rows of its own instant: a row's time is when its command completed, and a command completing as a
     * step begins was sent before it.
     */
    public static List<Record> merge(List<Record> rows, List<Record> marks, long firstSeq) {
        List<Record> all = new ArrayList<>(rows);
        all.addAll(marks);
        all.sort(Comparator.comparingLong(Record::nanos).thenComparing(r -> r.op() == Op.STEP));
        return IntStream.range(0, all.size()).mapToObj(i -> {
            Record r = all.get(i);
            return new Record(firstSeq + i, r.nanos(), r.op(), r.offset(), r.length(), r.result(), r.cause());
        }).toList();
    }
}
