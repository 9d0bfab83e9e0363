package dev.orchestrate.dut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.device.Limits;
import dev.orchestrate.engine.Catalog;
import dev.orchestrate.suite.InvalidSuite;
import dev.orchestrate.suite.Problem;
import dev.orchestrate.suite.Suite;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The limits the emulated controller publishes, what request limit they come to, and the values refused. */
class PublishedLimitsTest {

    private static Suite suite(String target) throws InvalidSuite {
        return Catalog.loader().parse(Path.of("limits.yaml"), """
                name: limits
                target: {kind: emulated, %s}
                steps:
                  - generate: {size: 4MiB}
                  - copy: {tool: cp}
                  - sync
                  - verify
                """.formatted(target));
    }

    private static PublishedLimits limits(String target) throws InvalidSuite {
        return PublishedLimits.of(suite(target).targets().getFirst());
    }

    @Test
    void theMaximumTransferIsTheRequestLimitAndTheRegistryShowsIt() throws InvalidSuite {
        PublishedLimits l = limits("max-transfer: 512KiB");
        assertEquals(512 * 1024, l.request());
        assertEquals(512L * 1024, l.registry().get(Limits.BYTES_WRITE));
        assertEquals(128L, l.registry().get(Limits.SEGMENT_COUNT_WRITE), "the loop queue's own segment count");
        assertTrue(l.text().contains("the loop device's request limit (max_sectors_kb): 512 KiB"), l.text());
        assertTrue(l.text().contains("limits check: no problem"), l.text());
    }

    @Test
    void segmentsThatDescribeLessThanTheMaximumShortenTheRequests() throws InvalidSuite {
        PublishedLimits l = limits("max-transfer: 1MiB, max-segments: 32, max-segment-size: 4KiB");
        assertEquals(128 * 1024, l.request(), "32 segments of 4 KiB describe 128 KiB");
        assertTrue(l.text().contains("IOMaximumByteCountWrite is 1048576 bytes but IOMaximumSegmentCountWrite × "
                + "IOMaximumSegmentByteCountWrite is only 32 × 4096 = 131072"), "the limits check says so: " + l.text());
    }

    @Test
    void aMaximumTheLoopDeviceCannotTakeIsBadInputAtItsKey() {
        InvalidSuite e = assertThrows(InvalidSuite.class, () -> suite("max-transfer: 2MiB, max-segment-size: 1000"));
        List<String> problems = e.problems().stream().map(Problem::toString).toList();
        assertEquals(List.of("limits.yaml:2:40: max-transfer 2MiB: the loop device takes a request limit of 4KiB to 1280KiB, a multiple"
                + " of 4KiB", "limits.yaml:2:64: max-segment-size 1000: at least 4KiB, a multiple of 4KiB"), problems);
    }

    @Test
    void withoutPublishedLimitsTheTargetSaysNothingOfThem() throws InvalidSuite {
        assertTrue(!PublishedLimits.given(suite("size: 512MiB").targets().getFirst()));
    }
}
