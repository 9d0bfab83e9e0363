package dev.orchestrate.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import dev.orchestrate.LeftBehind;
import dev.orchestrate.Privileged;
import dev.orchestrate.engine.CellFilter;
import dev.orchestrate.engine.Manifest;
import dev.orchestrate.engine.OrchestrateEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The field case's cells of 4,608 KiB: fio's buffered cell at 1 MiB fails as cp's beside it does,
 * its check's bad blocks read on the media image and diagnosed with the offset inside the commands,
 * the published limit and the fix; at 512 KiB every cell passes.
 */
@Privileged
class OwnCheckTest {

    @TempDir
    Path run;

    @AfterEach
    void nothingIsLeftBehind() throws IOException {
        LeftBehind.assertNone(ProcessHandle.current().pid(), "the cells' teardown");
    }

    @Test
    void theFieldCaseMeetsItsExpectationsAndFiosBufferedCellNamesOffsetLimitAndFix() throws IOException {
        EngineTestKit.engine(OrchestrateEngine.ID)
                .selectors(selectFile(Path.of("suites/field-case.yaml").toFile()))
                .configurationParameter(OrchestrateEngine.RUN_DIR, run.toString())
                .configurationParameter(CellFilter.PARAMETER, "size=4608KiB")
                .execute();
        Map<String, Manifest.CellRecord> cells = Manifest.read(run.resolve(Manifest.FILE)).cells().stream()
                .collect(Collectors.toMap(Manifest.CellRecord::name, c -> c));
        assertEquals(6, cells.size(), cells.keySet().toString());
        cells.values().forEach(c -> assertEquals(Boolean.TRUE, c.asExpected(), c.name() + ": " + c.status() + " " + c.message()));
        for (String tool : List.of("cp", "fio-buffered")) {
            Manifest.CellRecord c = cells.get("limit=1MiB tool=" + tool + " size=4608KiB");
            assertEquals("torn-or-transfer-length", c.defect(), c.message());
            for (String says : List.of("first bad byte at offset 540,672 of file-1.bin (LBA ", "from 528KiB inside each command",
                    "the target publishes a maximum transfer of 1MiB, which lets these commands through",
                    "the fix: publish a maximum transfer of 512KiB or less")) {
                assertTrue(c.message().contains(says), tool + " should say '" + says + "': " + c.message());
            }
        }
        Manifest.CellRecord fio = cells.get("limit=1MiB tool=fio-buffered size=4608KiB");
        assertTrue(fio.message().contains("found zeros, expected fio's data, which its check failed in the block of 131,072 bytes at "
                + "offset 524,288"), fio.message());
        assertEquals(4L * (1024 - 528) * 1024, fio.damage().bytes(), "the last 496 KiB of each of the 4 WRITEs of 1 MiB");
        assertTrue(fio.files().getFirst().extents().size() > 0, "the manifest keeps the file's extent map");
    }
}
