package dev.orchestrate.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LimitCheckTest {

    private static Map<String, Long> dext() {
        return new HashMap<>(Fixtures.registry("ioreg-controller-dext.plist", "disk5").limits().values());
    }

    @Test
    void aControllerPublishingEveryLimitPasses() {
        assertEquals(List.of(), LimitCheck.problems(new Limits(dext())));
    }

    @Test
    void theFilteredKeysOfTheSeedThreadAreEachReported() {
        List<String> problems = LimitCheck.problems(Fixtures.registry("ioreg-controller-dext-missing-limits.plist", "disk5").limits());
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("IOMaximumSegmentByteCountRead is missing on the controller:"
                        + " UserReportHBAConstraints requires"),
                problems.get(0));
        assertTrue(problems.get(1).startsWith("IOMaximumSegmentByteCountWrite is missing on the controller"), problems.get(1));
        assertTrue(problems.get(3).startsWith("IOMaximumByteCountWrite is missing on the peripheral"), problems.get(3));
        assertTrue(problems.get(3).contains("1 MiB + 16 KiB"), "says why it matters: " + problems.get(3));
    }

    @Test
    void implausibleValuesAreReportedWithWhy() {
        Map<String, Long> limits = dext();
        limits.put(Limits.SEGMENT_COUNT_WRITE, 0L);
        limits.put(Limits.SEGMENT_BYTES_READ, 512L);
        limits.put(Limits.BYTES_READ, 65_536L);
        limits.put(Limits.ADDRESS_BITS, 20L);
        limits.put(Limits.SEGMENT_ALIGNMENT, 6L);
        List<String> problems = LimitCheck.problems(new Limits(limits));
        assertEquals(List.of(
                "IOMaximumSegmentCountWrite is 0: the OS cannot build any request from it;"
                        + " the driver probably published it before computing it",
                "IOMaximumSegmentByteCountRead is 512 bytes, smaller than a 4 KiB page: no page of a buffer fits in one segment,"
                        + " so every request fails or is split below what any copy tool expects",
                "IOMaximumByteCountRead is 65536 bytes, below 128 KiB: every copy is cut into many small commands;"
                        + " set it to the largest transfer the controller carries intact (measure it with a transfer-size sweep)",
                "IOMaximumSegmentAddressableBitCount is 20: a DMA engine addresses 32 to 64 bits; buffers above what it claims are"
                        + " either bounced needlessly or handed to hardware that cannot reach them",
                "IOMinimumSegmentAlignmentByteCount is 6, not a power of two: segment addresses cannot be aligned to it"), problems);
    }

    @Test
    void aMaximumTransferLargerThanTheScatterGatherListIsReported() {
        Map<String, Long> limits = dext();
        limits.put(Limits.SEGMENT_COUNT_WRITE, 8L);
        List<String> problems = LimitCheck.problems(new Limits(limits));
        assertEquals(List.of("IOMaximumByteCountWrite is 1048576 bytes but IOMaximumSegmentCountWrite × IOMaximumSegmentByteCountWrite"
                + " is only 8 × 65536 = 524288: a fragmented write of the maximum size cannot be described to the controller"), problems);
    }
}
