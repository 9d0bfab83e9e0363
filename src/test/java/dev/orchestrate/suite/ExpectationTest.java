package dev.orchestrate.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.diagnosis.Defect;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExpectationTest {

    private static final Location AT = new Location("suites/x.yaml", 17, 5);

    @Test
    void describesItselfAsAVerdictWould() {
        assertEquals("passed", new Expectation(true, Optional.empty(), Optional.empty(), AT).describe());
        assertEquals("failed", new Expectation(false, Optional.empty(), Optional.empty(), AT).describe());
        assertEquals("failed with flush-dropped",
                new Expectation(false, Optional.of(Defect.FLUSH_DROPPED), Optional.empty(), AT).describe());
        assertEquals("failed with flush-dropped (DRV-1234)",
                new Expectation(false, Optional.of(Defect.FLUSH_DROPPED), Optional.of("DRV-1234"), AT).describe());
        assertEquals("failed (DRV-1234)", new Expectation(false, Optional.empty(), Optional.of("DRV-1234"), AT).describe());
    }

    @Test
    void aPassingCellHasNoDefect() {
        assertThrows(IllegalArgumentException.class, () -> new Expectation(true, Optional.of(Defect.AT_REST), Optional.empty(), AT));
        assertThrows(IllegalArgumentException.class, () -> new Expectation(true, Optional.empty(), Optional.of("DRV-1"), AT));
    }

    @Test
    void aRuleMatchesByTheValuesText() {
        Expectation.Rule rule = new Expectation.Rule(Map.of("fault", List.of("none", "ignore-flush")),
                new Expectation(true, Optional.empty(), Optional.empty(), AT));
        assertTrue(rule.matches(cell("fault", "ignore-flush", "tool", "cp")));
        assertTrue(rule.matches(cell("fault", "none", "tool", "dd")));
        assertFalse(rule.matches(cell("fault", "torn-write", "tool", "cp")));
        assertFalse(rule.matches(cell("tool", "cp")), "a cell without the axis does not match");
        assertTrue(new Expectation.Rule(Map.of(), rule.expectation()).matches(cell("tool", "cp")), "no 'when' matches every cell");
    }

    private static Cell cell(String... axesAndValues) {
        Map<String, Value> axes = new LinkedHashMap<>();
        for (int i = 0; i < axesAndValues.length; i += 2) {
            axes.put(axesAndValues[i], new Value(axesAndValues[i + 1], AT));
        }
        return new Cell(0, axes);
    }
}
