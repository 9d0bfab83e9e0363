package dev.orchestrate.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlockEventTest {

    @Test
    void anIssuedWriteHasItsSectorsTimeAndKind() {
        BlockEvent e = BlockEvent.parse("  dd-5982    [001] .....  7250.594482: block_rq_issue: 7,0 WS 524288 () 1024 + 1024"
                + " be,0,4 [dd]").orElseThrow();
        assertEquals(BlockEvent.Kind.ISSUE, e.kind());
        assertEquals(7250_594_482_000L, e.nanos());
        assertEquals('W', e.operation());
        assertEquals(512 * 1024, e.offset());
        assertEquals(512 * 1024, e.length());
        assertFalse(e.preflush());
        assertFalse(e.fua());
    }

    @Test
    void aCompletionCarriesItsErrnoAndAFlushHasNoPlace() {
        BlockEvent failed = BlockEvent.parse("  ksoftirqd/0-14 [000] ..s..  7250.605100: block_rq_complete: 7,0 WFS () 2048 + 8"
                + " be,0,4 [-5]").orElseThrow();
        assertEquals(-5, failed.error());
        assertTrue(failed.fua());
        BlockEvent flush = BlockEvent.parse("  ksoftirqd/1-22 [001] ..s..  7250.603503: block_rq_complete: 7,0 FF () 18446744073709551615"
                + " + 0 none,0,0 [0]").orElseThrow();
        assertEquals(0, flush.sector());
        assertEquals('F', flush.operation());
        assertTrue(flush.preflush());
    }

    @Test
    void aKernelWithoutThePriorityFieldIsReadToo() {
        BlockEvent e = BlockEvent.parse("  dd-1 [000] .... 12.000001: block_rq_issue: 8,16 R 4096 () 8 + 8 [dd]").orElseThrow();
        assertEquals('R', e.operation());
        assertEquals(12_000_001_000L, e.nanos());
    }

    @Test
    void aMarkerKeepsItsTextAndATaskNameMayHoldSpaces() {
        BlockEvent e = BlockEvent.parse(" kworker/u8:3 flush-7:0-81  [000] ...1.  7250.587084: tracing_mark_write: orchestrate step: sync")
                .orElseThrow();
        assertEquals(BlockEvent.Kind.MARKER, e.kind());
        assertEquals("orchestrate step: sync", e.text());
    }

    @Test
    void headersAndOtherEventsAreNotEvents() {
        assertEquals(Optional.empty(), BlockEvent.parse("# tracer: nop"));
        assertEquals(Optional.empty(), BlockEvent.parse("  dd-1 [000] .... 12.000001: block_bio_queue: 8,16 W 8 + 8 [dd]"));
    }
}
