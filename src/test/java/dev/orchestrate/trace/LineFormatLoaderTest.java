package dev.orchestrate.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A line format file that cannot be used is refused as a whole, each problem at its line. */
class LineFormatLoaderTest {

    @TempDir
    Path dir;

    private List<String> problems(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("format.yaml"), yaml);
        return assertThrows(LineFormat.Invalid.class, () -> LineFormat.load(file)).problems().stream()
                .map(p -> p.replace(file.toString(), "format.yaml")).toList();
    }

    @Test
    void everyProblemIsNamedAtItsLine() throws IOException {
        List<String> problems = problems("""
                description: a broken format
                line: '(?<op>\\w+) (?<lba>\\d+) (?<offset>\\d+) (?<lenght>\\d+)'
                block-size: 0
                time-unit: sec
                slect: 'x'
                ops:
                  MODE SENSE: nothing
                """);
        assertEquals(List.of(
                "format.yaml:5:1: unknown key 'slect'; did you mean 'select'?; a line format has description, line, select, ignore, "
                        + "block-size, time-unit, ops",
                "format.yaml:2:7: 'line' has a group (?<lenght>...), which a line format does not know; did you mean 'length'?; "
                        + "the groups are op, lba, offset, length, blocks, result, time",
                "format.yaml:2:7: 'line' has both (?<lba>...) and (?<offset>...); keep one",
                "format.yaml:2:7: 'line' needs a group (?<blocks>...) or (?<length>...): how much it moves, in blocks or in bytes",
                "format.yaml:3:13: 'block-size' must be more than 0 bytes",
                "format.yaml:4:12: 'time-unit' is 'sec'; did you mean 's'?; expected one of ns, us, ms, s",
                "format.yaml:7:15: 'MODE SENSE' is declared 'nothing'; an op is one of read, write, fsync, discard, other"), problems);
    }

    @Test
    void aRegularExpressionThatDoesNotCompileIsNamed() throws IOException {
        assertEquals(List.of("format.yaml:2:9: 'select' is not a regular expression: Unclosed group at character 5"),
                problems("""
                        line: '(?<op>\\w+) (?<lba>\\d+) (?<length>\\d+)'
                        select: '(KEXT'
                        """));
    }

    @Test
    void aFormatNeedsALineWithAnOp() throws IOException {
        assertEquals(List.of("format.yaml:1:1: no 'line': the regular expression a command's line matches, with a group (?<op>...)"),
                problems("select: 'KEXT'\n"));
        assertEquals(List.of("format.yaml:1:7: 'line' has no group (?<op>...): the command's name or SCSI opcode"),
                problems("line: '\\w+ (?<lba>\\d+) (?<length>\\d+)'\n"));
    }

    @Test
    void notAMappingNotYamlOrEmptyIsRefused() throws IOException {
        assertTrue(problems("- line\n").getFirst().startsWith("format.yaml:1:1: a line format is a mapping of keys"));
        assertTrue(problems("line: [unclosed\n").getFirst().startsWith("format.yaml:"), "not YAML");
        assertEquals(List.of("format.yaml:1:1: the file is empty; a line format needs at least 'line'"), problems("# nothing\n"));
    }

    @Test
    void theShippedFormatsAreValid() throws Exception {
        try (var formats = Files.list(Path.of("formats"))) {
            for (Path format : formats.toList()) {
                assertTrue(LineFormat.load(format).line().namedGroups().containsKey("op"), format.toString());
            }
        }
    }
}
