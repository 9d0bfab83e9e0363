package dev.orchestrate.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestTest {

    @Test
    void findsTheClosestCandidate() {
        assertEquals(Optional.of("tools"), Suggest.closest("tool", List.of("tools", "target", "steps")));
        assertEquals(Optional.of("size"), Suggest.closest("szie", List.of("size", "files", "generation")));
    }

    @Test
    void saysNothingWhenNothingIsClose() {
        assertEquals(Optional.empty(), Suggest.closest("xylophone", List.of("size", "files")));
        assertEquals("", Suggest.hint("xylophone", List.of("size")));
    }

    @Test
    void distanceCountsEdits() {
        assertEquals(0, Suggest.distance("cp", "cp"));
        assertEquals(2, Suggest.distance("szie", "size"));
        assertEquals(3, Suggest.distance("", "abc"));
    }
}
