package dev.orchestrate.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Named tool settings: one matrix axis varies a tool's own options. */
class PresetTest {

    private static final String SUITE = """
            name: presets
            target: {kind: directory}
            tools:
              dd-direct: {tool: dd, oflag: direct, block-size: 4MiB}
              cp-dense: {tool: cp, sparse: never}
            matrix:
              tool: [cp, dd-direct, cp-dense]
            steps:
              - generate: {size: 1MiB}
              - copy: {tool: "${tool}"}
              - verify
            """;

    private static Suite parse(String text) throws InvalidSuite {
        return SuiteLoaderTest.parse(text);
    }

    private static List<String> problems(String text) {
        return SuiteLoaderTest.problems(text);
    }

    @Test
    void aCellNamingASettingGetsItsToolAndOptions() throws InvalidSuite {
        Suite suite = parse(SUITE);
        assertEquals(List.of("tool=cp", "tool=dd-direct", "tool=cp-dense"), suite.cells().stream().map(Cell::name).toList());
        Options direct = suite.stepsFor(suite.cells().get(1)).get(1).options();
        assertEquals("dd", direct.text("tool"));
        assertEquals("direct", direct.text("oflag"));
        assertEquals("4MiB", direct.text("block-size"));
        assertEquals("none", direct.text("conv"), "the tool's defaults fill the rest");
        assertEquals(new Location("suites/x.yaml", 4, 32), direct.value("oflag").at(), "values point at the setting");
        assertEquals("never", suite.stepsFor(suite.cells().get(2)).get(1).options().text("sparse"));
        assertEquals("cp", suite.stepsFor(suite.cells().get(0)).get(1).options().text("tool"));
    }

    @Test
    void aKeySetTwiceIsAProblemNotAGuess() {
        assertEquals(List.of("suites/x.yaml:10:29: 'oflag' is set here and by tool 'dd-direct' in 'tools' (line 4); set it in one place"),
                problems(SUITE.replace("[cp, dd-direct, cp-dense]", "[dd-direct]")
                        .replace("{tool: \"${tool}\"}", "{tool: \"${tool}\", oflag: dsync}")));
    }

    @Test
    void aSettingIsCheckedAgainstItsTool() {
        assertEquals(List.of("suites/x.yaml:5:24: unknown key 'spares' in copy; did you mean 'sparse'?"),
                problems(SUITE.replace("sparse: never", "spares: never")));
        assertEquals(List.of("suites/x.yaml:4:21: unknown tool 'dx' in copy; expected one of asr, cat, copyfile, cp, dd, ditto, finder, "
                        + "fio, fscopyobject, gio, mmap, nio, nsfilemanager, odirect, rsync, tar; did you mean 'dd'?"),
                problems(SUITE.replace("{tool: dd, oflag", "{tool: dx, oflag")));
        assertEquals(List.of("suites/x.yaml:5:3: 'cp' is already a tool; give the setting a name of its own, e.g. 'cp-custom'"),
                problems(SUITE.replace("cp-dense:", "cp:").replace(", cp-dense]", "]")));
    }

    @Test
    void settingsAreFixedValues() {
        assertEquals(List.of("suites/x.yaml:4:14: tool 'dd-direct' holds a ${reference}; "
                        + "tool settings are fixed values, vary them with one setting per value in the matrix"),
                problems(SUITE.replace("block-size: 4MiB", "block-size: \"${size}\"")));
    }
}
