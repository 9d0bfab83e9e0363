package dev.orchestrate.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.Installed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The man pages the build makes before the tests (pom.xml, exec-maven-plugin): one per command,
 * current with its options, in AsciiDoc always and in troff where asciidoctor is installed.
 */
class ManPageTest {

    private static final Path SOURCE = Path.of("target/generated-docs");
    private static final Path MAN = Path.of("target/man");

    /** Every command below orchestrate, as its page is named: "run", "bench-verify". */
    private static List<CommandLine> commands(CommandLine parent) {
        List<CommandLine> all = new ArrayList<>();
        for (CommandLine sub : parent.getSubcommands().values()) {
            all.add(sub);
            all.addAll(commands(sub));
        }
        return all;
    }

    private static String page(CommandLine command) {
        return command.getCommandSpec().qualifiedName("-");
    }

    @Test
    void everyCommandHasAnAsciiDocPageWithEachOfItsOptionsAndTheTopPageNamesIt() throws IOException {
        CommandLine root = new CommandLine(new Main());
        String top = Files.readString(SOURCE.resolve("orchestrate.adoc"));
        for (CommandLine command : commands(root)) {
            Path file = SOURCE.resolve(page(command) + ".adoc");
            assertTrue(Files.isRegularFile(file), file + " is missing: the build makes it ('mvn process-classes')");
            String text = Files.readString(file);
            command.getCommandSpec().options().forEach(o -> assertTrue(text.contains("*" + o.longestName() + "*"),
                    file + " lacks " + o.longestName() + ": made before the option was"));
            if (command.getParent() == root) {
                assertTrue(top.contains("xref:" + page(command) + ".adoc[*" + command.getCommandName() + "*]"),
                        "orchestrate.adoc does not name " + command.getCommandName());
            }
        }
    }

    @Test
    void everyCommandHasATroffPageAndOrchestrateOneNamesEachCommand() throws IOException {
        Installed.assume("the man pages in troff", "asciidoctor");
        CommandLine root = new CommandLine(new Main());
        String top = Files.readString(MAN.resolve("orchestrate.1"));
        assertTrue(top.contains(".TH \"ORCHESTRATE\" \"1\""), top.lines().limit(12).toList().toString());
        for (CommandLine command : commands(root)) {
            Path file = MAN.resolve(page(command) + ".1");
            assertTrue(Files.isRegularFile(file), file + " is missing");
            String troff = Files.readString(file);
            assertTrue(troff.contains(".TH \"" + page(command).toUpperCase().replace("-", "\\-") + "\" \"1\""), file + " has no title");
            command.getCommandSpec().options().forEach(o -> assertTrue(
                    troff.contains("\\fB" + o.longestName().replace("-", "\\-") + "\\fP"),
                    file + " lacks " + o.longestName()));
            if (command.getParent() == root) {
                assertTrue(top.contains("\n\\fB" + command.getCommandName().replace("-", "\\-") + "\\fP\n"),
                        "orchestrate.1 does not name " + command.getCommandName());
            }
        }
    }
}
