package dev.orchestrate.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.data.SectorFormat;
import dev.orchestrate.dut.Device;
import dev.orchestrate.dut.Placement;
import dev.orchestrate.dut.Resumable;
import dev.orchestrate.dut.Target;
import dev.orchestrate.engine.Catalog;
import dev.orchestrate.process.Command;
import dev.orchestrate.process.Runner;
import dev.orchestrate.process.Runners;
import dev.orchestrate.report.Evidence;
import dev.orchestrate.suite.Cell;
import dev.orchestrate.suite.InvalidSuite;
import dev.orchestrate.suite.Problem;
import dev.orchestrate.suite.Suite;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One walk of a cell in its modes: what runs, what is restored, where a boundary stops it, and what a dry run prints. */
class CellWalkTest {

    @TempDir
    Path dir;

    private final List<String> events = new ArrayList<>();
    private Suite suite;

    @BeforeEach
    void suite() throws IOException, InvalidSuite {
        suite = Catalog.loader().load(Files.writeString(dir.resolve("walk.yaml"), """
                name: walk
                target: {kind: emulated}
                steps:
                  - generate: {size: 4KiB, files: 2}
                  - copy: {tool: cp}
                  - reboot
                  - sync
                  - verify
                """));
    }

    @Test
    void aRunReportsEachStepAndStopsAtABoundaryThatEndsTheProcess() throws Exception {
        CellWalk walk = walk(Runners.LIVE);
        CellWalk.Walked walked = walk.walk(CellWalk.Mode.RUN, 0);
        assertEquals(3, walked.pausedAt());
        assertEquals(Optional.of(Resumable.Boundary.REBOOT), walked.pausedBy());
        assertEquals(List.of("part: set up fake", "open", "part: generate 2 files of 4KiB, generation 1", "completed 1",
                "part: copy with cp", "completed 2", "part: reboot", "shut down for REBOOT"), events);
        assertTrue(Files.exists(dir.resolve("volume/file-2.bin")), "the copy ran for real");
    }

    @Test
    void aResumeBringsTheDeviceBackRestoresTheStepsBeforeTheBoundaryAndRunsTheRest() throws Exception {
        walk(Runners.LIVE).walk(CellWalk.Mode.RUN, 0);
        events.clear();
        CellWalk walk = walk(Runners.LIVE);
        CellWalk.Walked walked = walk.walk(CellWalk.Mode.RUN, 3);
        assertEquals(0, walked.pausedAt());
        assertEquals(List.of("part: resumed after the reboot at step 3: bring the device back and mount it", "reopen", "resumed 3",
                "part: sync", "completed 4", "part: verify", "completed 5"), events);
        walk.tearDown(true);
        assertEquals("close passed with 2 files", events.getLast(), "the copy was restored, so teardown knows the files");
    }

    @Test
    void aDryRunPrintsWhatWouldChangeTheDeviceAndTheHostCommandAndGoesOnPastTheBoundary() throws Exception {
        StringWriter printed = new StringWriter();
        CellWalk walk = walk(new Runners(Runner.LIVE, Runner.printing(new PrintWriter(printed, true))));
        CellWalk.Walked walked = walk.walk(CellWalk.Mode.DRY_RUN, 0);
        assertEquals(0, walked.pausedAt());
        assertTrue(events.contains("would hand over: sudo shutdown -r now"), events.toString());
        assertTrue(events.contains("completed 5"), events.toString());
        assertEquals(2, printed.toString().lines().filter(l -> l.startsWith("dry run: would run $ cp ")).count(), printed.toString());
        assertTrue(Files.notExists(dir.resolve("volume/file-1.bin")), "nothing was copied");
    }

    @Test
    void checkSaysWhatIsWrongWithEachStepAfterTheOnesBefore() throws IOException, InvalidSuite {
        List<Problem> problems = new ArrayList<>();
        Suite lab = Catalog.loader().load(Files.writeString(dir.resolve("lab.yaml"), "name: lab\ntarget: {kind: directory}\nsteps:\n"
                + "  - generate: {size: 1MiB, files: 3}\n  - copy: {tool: cp}\n  - verify\n"));
        Plan plan = CellWalk.check(lab.targets().getFirst(), lab.cells().getFirst(), lab.stepsFor(lab.cells().getFirst()), problems);
        assertEquals(List.of(), problems);
        assertEquals(new Plan.Footprint(3, 1 << 20), plan.footprint());
    }

    private CellWalk walk(Runners runners) {
        Cell cell = suite.cells().getFirst();
        CellContext context = new CellContext(cell, 1, new SectorFormat(512), new FakeTarget(), dir.resolve("cell"), NO_EVIDENCE, runners);
        return new CellWalk(context, suite.stepsFor(cell), dir.resolve("cell"), new CellWalk.Observer() {
            @Override
            public void part(Optional<String> kind, String title, CellWalk.Part body) throws Exception {
                events.add("part: " + title);
                body.run();
            }

            @Override
            public void completed(int step, String title) {
                events.add("completed " + step);
            }

            @Override
            public void resumed(int step) {
                events.add("resumed " + step);
            }

            @Override
            public void wouldHandOver(Command command) {
                events.add("would hand over: " + command.display());
            }
        });
    }

    private static final Evidence NO_EVIDENCE = (name, mediaType, extension, content) -> { };

    /** A target of one directory whose reboot ends the process, as a lab host's does. */
    private final class FakeTarget implements Target, Resumable {

        @Override
        public String describe() {
            return "fake";
        }

        @Override
        public boolean raw() {
            return false;
        }

        @Override
        public void prepare() {
        }

        @Override
        public boolean perCell() {
            return true;
        }

        @Override
        public Device open(Cell cell, Path cellDir, Evidence evidence) {
            events.add("open");
            return new FakeDevice(cell);
        }

        @Override
        public Optional<Resumable> resumable() {
            return Optional.of(this);
        }

        @Override
        public boolean endsProcess(Boundary boundary) {
            return true;
        }

        @Override
        public Optional<Command> hostCommand(Boundary boundary) {
            return Optional.of(Command.of(Duration.ofSeconds(1), "sudo", "shutdown", "-r", "now"));
        }

        @Override
        public void prepareForResume() {
        }

        @Override
        public Device reopen(Cell cell, Path cellDir, Evidence evidence) {
            events.add("reopen");
            return new FakeDevice(cell);
        }

        @Override
        public void close() {
        }
    }

    private final class FakeDevice implements Device {

        private final Cell cell;

        FakeDevice(Cell cell) {
            this.cell = cell;
        }

        @Override
        public Cell cell() {
            return cell;
        }

        @Override
        public Placement place(int index) {
            return new Placement(dir.resolve("volume").resolve("file-" + index + ".bin"), -1, 512);
        }

        @Override
        public void shutDownFor(Resumable.Boundary boundary) {
            events.add("shut down for " + boundary);
        }

        @Override
        public void close(boolean passed, List<Placement> placements) {
            events.add("close " + (passed ? "passed" : "failed") + " with " + placements.size() + " files");
        }
    }
}
