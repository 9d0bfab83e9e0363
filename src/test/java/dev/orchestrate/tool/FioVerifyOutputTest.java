package dev.orchestrate.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.process.Command;
import dev.orchestrate.process.Outcome;
import dev.orchestrate.verify.BadBlock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * fio 3.33's verify output, as it printed it: the field case's buffered cell at 1 MiB (4 WRITEs of
 * 1 MiB, each damaged from 528 KiB, checked with continue_on_error=verify), and an intact file.
 */
class FioVerifyOutputTest {

    private static final FioVerifyOutput FIO = new FioVerifyOutput();

    private static String recorded(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/tool/" + name));
    }

    private static Outcome exited(int code, String output) {
        return new Outcome(Command.of(Duration.ofSeconds(1), "fio"), code, Duration.ZERO, output);
    }

    private static List<BadBlock> blocks(String output) {
        return output.lines().map(FIO::badBlock).flatMap(Optional::stream).toList();
    }

    @Test
    void namesEveryBlockThatFailedWithItsOffsetLengthAndWhatFioSaid() throws IOException {
        List<BadBlock> bad = blocks(recorded("fio-3.33-verify-continue.txt"));
        assertEquals(16, bad.size(), "the last 4 of the 8 blocks of each of the 4 damaged MiB");
        assertEquals(new BadBlock(524_288, 131_072, "crc32c: verify failed"), bad.getFirst(), "the header is intact, its data is not");
        assertEquals(new BadBlock(655_360, 131_072, "verify: bad magic header 0, wanted acca"), bad.get(1), "the header itself is zeros");
        assertEquals(List.of(0L, 1L, 2L, 3L), bad.stream().map(b -> (b.offset() - 524_288) / (1 << 20)).distinct().toList());
        assertTrue(bad.stream().allMatch(b -> b.offset() % (1 << 20) >= 512 << 10), "only the second half of each MiB");
    }

    @Test
    void aCheckThatExitedZeroFailedWhenItNamedBlocksOrItsSummaryCountsErrors() throws IOException {
        String output = recorded("fio-3.33-verify-continue.txt");
        assertTrue(FIO.failed(exited(0, output)), "err=84 and errors: total=16");
        String unnamed = output.lines().filter(l -> !l.contains(" at file ")).collect(Collectors.joining("\n"));
        assertTrue(blocks(unnamed).isEmpty());
        assertTrue(FIO.failed(exited(0, unnamed)), "the summary alone still fails it");
    }

    @Test
    void anIntactFileNamesNoBlockAndPasses() throws IOException {
        String output = recorded("fio-3.33-verify-intact.txt");
        assertTrue(blocks(output).isEmpty());
        assertFalse(FIO.failed(exited(0, output)), output);
        assertTrue(FIO.failed(exited(1, output)), "a non-zero exit fails it whatever it printed");
    }
}
