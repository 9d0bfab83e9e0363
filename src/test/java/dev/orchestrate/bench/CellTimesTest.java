package dev.orchestrate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CellTimesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode result(String status, String steps) throws Exception {
        return JSON.readTree("{\"name\":\"tool=cp\",\"status\":\"" + status + "\",\"start\":1000,\"stop\":2000,\"steps\":[" + steps + "]}");
    }

    private static String step(String name, String status, long start, long stop) {
        return "{\"name\":\"" + name + "\",\"status\":\"" + status + "\",\"start\":" + start + ",\"stop\":" + stop + "}";
    }

    @Test
    void setupStepsAndTeardownEachGetTheirPhase() throws Exception {
        JsonNode result = result("passed", String.join(",",
                step("set up emulated controller: ext4", "passed", 1010, 1100),
                step("copy with cp", "passed", 1100, 1400),
                step("verify", "passed", 1405, 1600),
                step("verify", "passed", 1600, 1700),
                step("tear down the target", "passed", 1700, 1900)));
        CellTimes times = CellTimes.of(result, List.of("copy with cp", "verify", "verify"), List.of("copy", "verify", "verify"));
        assertEquals(Map.of("set up", 90L, "copy", 300L, "verify", 295L, "tear down", 300L, "between", 15L), times.millis());
        assertEquals(1000L, times.total(), "the phases add up to the cell's wall time");
    }

    @Test
    void theStepThatFailedCountsAsItsKindAndWhatFollowsAsTeardown() throws Exception {
        JsonNode result = result("failed", String.join(",",
                step("copy with cp", "passed", 1000, 1200),
                step("verify", "failed", 1200, 1500),
                step("tear down the target", "passed", 1500, 1800)));
        CellTimes times = CellTimes.of(result, List.of("copy with cp"), List.of("copy", "verify", "eject"));
        assertEquals(Map.of("copy", 200L, "verify", 300L, "tear down", 500L, "between", 0L), times.millis());
    }

    @Test
    void aFirstStepThatIsNotTheDevicesSetupIsNotCountedAsSetup() throws Exception {
        JsonNode result = result("broken", step("generate 1 file", "broken", 1000, 1300));
        CellTimes times = CellTimes.of(result, List.of(), List.of("generate", "copy"));
        assertEquals(300L, times.millis().get("generate"));
        assertEquals(700L, times.millis().get("tear down"));
    }
}
