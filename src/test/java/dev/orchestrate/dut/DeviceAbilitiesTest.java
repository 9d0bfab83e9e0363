package dev.orchestrate.dut;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orchestrate.Privileged;
import dev.orchestrate.engine.Catalog;
import dev.orchestrate.report.Evidence;
import dev.orchestrate.suite.InvalidSuite;
import dev.orchestrate.suite.Suite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a kind declares its devices can do, which validation checks suites against, is what its devices offer. */
class DeviceAbilitiesTest {

    private static final Evidence NONE = (name, mediaType, extension, content) -> { };

    @TempDir
    Path dir;

    @Test
    void aDirectoryDeviceOffersWhatItsKindDeclares() throws IOException, InvalidSuite {
        assertOffersWhatItsKindDeclares("kind: directory");
    }

    @Test
    void anImageDeviceOffersWhatItsKindDeclares() throws IOException, InvalidSuite {
        assertOffersWhatItsKindDeclares("kind: image");
    }

    @Test
    @Privileged
    void anEmulatedDeviceOffersWhatItsKindDeclares() throws IOException, InvalidSuite {
        assertOffersWhatItsKindDeclares("kind: emulated\n  size: 64MiB");
    }

    private void assertOffersWhatItsKindDeclares(String target) throws IOException, InvalidSuite {
        Suite suite = Catalog.loader().load(Files.writeString(dir.resolve("s.yaml"), "name: s\ntarget:\n  " + target
                + "\nsteps:\n  - generate: {size: 4KiB}\n  - copy: {tool: dd}\n  - verify\n"));
        TargetKind kind = Targets.kind(suite.targets().getFirst());
        try (Target opened = Targets.open(suite.targets().getFirst(), dir, "abilities", Catalog.needs(suite))) {
            opened.prepare();
            Device device = opened.open(suite.cells().getFirst(), Files.createDirectories(dir.resolve("cell")), NONE);
            Set<Ability> offered = Arrays.stream(Ability.values()).filter(a -> a.offeredBy(device))
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Ability.class)));
            device.close(true, List.of());
            assertEquals(kind.abilities(), offered, kind.name());
        }
    }
}
