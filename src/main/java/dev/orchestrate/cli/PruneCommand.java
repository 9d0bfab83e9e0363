package dev.orchestrate.cli;

import dev.orchestrate.engine.Labels;
import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.report.RunDirectory;
import dev.orchestrate.results.Removal;
import dev.orchestrate.results.Retention;
import dev.orchestrate.results.StoredRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code orchestrate prune --keep N}: the nightly clean-up of the reports directory, suite by suite. */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = {"Removes old runs under the reports directory (reports/<suite>/<timestamp>/), suite by suite:"
                + " keeps the newest N of each suite, every run a --pin label pins, every run awaiting 'orchestrate resume',"
                + " and the run 'latest' links to.",
                "Prints each run removed and the room freed (as du counts it). Symbolic links are removed as links, never followed."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:pruned (or, with --dry-run, listed)",
                "2:bad input: --keep below 1, a malformed --pin, no such reports directory",
                "3:a run could not be removed (the reason is printed; the others were)"})
final class PruneCommand implements Callable<Integer> {

    @Option(names = "--keep", required = true, paramLabel = "N", description = "how many of each suite's newest runs to keep (1 or more)")
    int keep;

    @Option(names = "--pin", paramLabel = "KEY=VALUE",
            description = "a label that pins the runs that have it (summary.json's labels), e.g. --pin release=2.1; repeat it")
    List<String> pin = List.of();

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "reports",
            description = "the reports directory (default: ${DEFAULT-VALUE})")
    Path reports;

    @Option(names = "--dry-run", description = "list what would be removed, and the room it would free; remove nothing")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (keep < 1) {
            err.println("--keep " + keep + ": keep at least the newest run of each suite, e.g. --keep 14");
            return Exit.BAD_INPUT;
        }
        if (!Files.isDirectory(reports)) {
            err.println(reports + ": no such reports directory; give it with --reports DIR");
            return Exit.BAD_INPUT;
        }
        List<Labels> pins = new ArrayList<>();
        try {
            for (String label : pin) {
                pins.add(Labels.parse(Optional.empty(), List.of(label)));
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage().replace("--label", "--pin"));
            return Exit.BAD_INPUT;
        }
        Retention retention = new Retention(keep, pins);
        Path root = reports.toRealPath();
        long freed = 0;
        int removed = 0;
        Map<String, Integer> kept = new TreeMap<>();
        boolean failed = false;
        for (Path suiteDir : suites(root)) {
            for (Retention.Decision d : retention.decide(StoredRun.of(suiteDir), RunDirectory.latest(suiteDir))) {
                if (!d.removed()) {
                    kept.merge(d.keptBecause().orElseThrow(), 1, Integer::sum);
                    continue;
                }
                Path dir = d.run().dir();
                try {
                    long bytes = Removal.bytes(dir);
                    if (!dryRun) {
                        Removal.delete(dir, root);
                    }
                    out.printf("%s %s (%s)%n", dryRun ? "would remove" : "removed", root.relativize(dir), mib(bytes));
                    freed += bytes;
                    removed++;
                } catch (IOException | RigBroken e) {
                    err.println("cannot remove " + dir + ": " + e.getMessage());
                    failed = true;
                }
            }
        }
        out.printf("%s %d run%s, %s %s; kept %s%n", dryRun ? "would remove" : "removed", removed, removed == 1 ? "" : "s", mib(freed),
                dryRun ? "to free" : "freed", kept.isEmpty() ? "none" : kept.entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
        out.flush();
        return failed ? Exit.BROKEN : Exit.PASSED;
    }

    /** The suites' directories: real directories only; a link to a directory elsewhere is not walked into. */
    private static List<Path> suites(Path root) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,.1f MiB", bytes / (double) (1 << 20));
    }
}
