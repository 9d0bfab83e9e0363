package dev.orchestrate.step;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orchestrate.data.SectorFormat;
import dev.orchestrate.dut.CommandLogged;
import dev.orchestrate.dut.Device;
import dev.orchestrate.dut.Placement;
import dev.orchestrate.engine.Catalog;
import dev.orchestrate.process.Runners;
import dev.orchestrate.suite.Cell;
import dev.orchestrate.suite.InvalidSuite;
import dev.orchestrate.trace.Op;
import dev.orchestrate.trace.Record;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command log the diagnosis reads: only a whole one. */
class ForensicsTest {

    @TempDir
    Path dir;

    private final List<String> attached = new ArrayList<>();

    @Test
    void aWholeLogIsReadAndOneThatMayLackCommandsIsNotWithTheReasonAttached() throws IOException, InvalidSuite {
        Cell cell = Catalog.loader().load(Files.writeString(dir.resolve("s.yaml"), "name: s\ntarget: {kind: emulated}\nsteps:\n"
                + "  - generate: {size: 4KiB}\n  - copy: {tool: cp}\n  - verify\n")).cells().getFirst();
        Files.writeString(dir.resolve(CommandLogged.FILE),
                "{\"seq\":1,\"t\":5,\"op\":\"write\",\"offset\":0,\"length\":512,\"result\":0}\n");
        assertEquals(Optional.of(List.of(new Record(1, 5, Op.WRITE, 0, 512, 0, ""))), Forensics.logOf(context(cell, Optional.empty())));
        assertEquals(List.of(), attached);
        assertEquals(Optional.empty(), Forensics.logOf(context(cell, Optional.of("fs_usage lost events"))));
        assertEquals(List.of("command log: not read for the diagnosis: fs_usage lost events"), attached);
    }

    private CellContext context(Cell cell, Optional<String> incomplete) {
        CellContext context = new CellContext(cell, 1, new SectorFormat(512), null, dir, (name, mediaType, extension, content) ->
                attached.add(name + ": " + new String(content, UTF_8)), Runners.LIVE);
        context.opened(new Logged(cell, incomplete));
        return context;
    }

    /** A device whose log is the file in the test's directory. */
    private final class Logged implements Device, CommandLogged {

        private final Cell cell;
        private final Optional<String> incomplete;

        Logged(Cell cell, Optional<String> incomplete) {
            this.cell = cell;
            this.incomplete = incomplete;
        }

        @Override
        public Cell cell() {
            return cell;
        }

        @Override
        public Placement place(int index) {
            return new Placement(dir.resolve("file-" + index), -1, 512);
        }

        @Override
        public void close(boolean passed, List<Placement> placements) {
        }

        @Override
        public Path commandLog() {
            return dir.resolve(FILE);
        }

        @Override
        public void markStep(String title) {
        }

        @Override
        public Optional<String> incomplete() {
            return incomplete;
        }
    }
}
