package dev.orchestrate.step;

import dev.orchestrate.data.NameSet;
import dev.orchestrate.outcome.RigBroken;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the names of files generated from a name set as the target's file system lists them:
 * every name there byte for byte (a name stored in another Unicode normalisation form counts as
 * changed), nothing else beside them, and the listing in the same order as at the previous verify
 * (a directory that reorders across an eject or a reboot was rewritten).
 */
final class NameCheck {

    /** Entries a file system makes by itself. */
    private static final Set<String> OWN_ENTRIES = Set.of("lost+found");

    private NameCheck() {
    }

    /** The failure message when names differ; empty when they match or the cell's files are numbered. */
    static Optional<String> check(CellContext cell) {
        List<CellContext.Source> files = cell.onTarget();
        if (files.stream().allMatch(s -> s.name().equals(CellContext.fileName(s.index())))) {
            return Optional.empty();
        }
        if (cell.device().mountable().filter(m -> !m.mounted()).isPresent()) {
            throw new RigBroken("verify: the names can only be read through the file system, and the volume is not mounted; "
                    + "add '- mount' before this verify");
        }
        Path dir = cell.placement(files.getFirst().index()).path().getParent();
        List<String> listed = list(dir);
        Set<String> expected = new LinkedHashSet<>(files.stream().map(CellContext.Source::name).toList());
        List<String> problems = new ArrayList<>();
        StringBuilder report = new StringBuilder("names in " + dir + ", as listed:\n");
        // code points only where the glyphs could hide a difference: outside ASCII
        listed.forEach(n -> report.append("  ").append(n)
                .append(n.chars().allMatch(c -> c < 0x80) ? "" : "  [" + NameSet.codePoints(n) + "]").append('\n'));
        for (String name : expected) {
            if (!listed.contains(name)) {
                String form = listed.stream().filter(n -> nfc(n).equals(nfc(name))).findFirst()
                        .map(n -> "stored in another normalisation form, as [" + NameSet.codePoints(n) + "]").orElse("absent");
                problems.add("'" + name + "' [" + NameSet.codePoints(name) + "] " + form);
            }
        }
        listed.stream()
                .filter(n -> !expected.contains(n) && !OWN_ENTRIES.contains(n) && expected.stream().noneMatch(e -> nfc(e).equals(nfc(n))))
                .forEach(n -> problems.add("'" + n + "' [" + NameSet.codePoints(n) + "] is there but was never copied"));
        List<String> order = listed.stream().filter(expected::contains).toList();
        cell.lastListing().filter(before -> !before.equals(order)).ifPresent(before ->
                problems.add("the listing order changed since the previous verify: before " + before + ", now " + order));
        cell.listed(order);
        report.append(problems.isEmpty() ? "\nall " + expected.size() + " names there, byte for byte\n"
                : "\n" + problems.size() + " difference(s):\n  " + String.join("\n  ", problems) + "\n");
        cell.evidence().attachText("names", report.toString());
        return problems.isEmpty() ? Optional.empty()
                : Optional.of("names: " + problems.size() + " of " + expected.size() + " differ; first: " + problems.getFirst());
    }

    /** The directory's entries in the order the file system returns them. */
    private static List<String> list(Path dir) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            entries.forEach(p -> names.add(p.getFileName().toString()));
        } catch (IOException e) {
            throw new RigBroken("verify: cannot list " + dir + " to check the names: " + e.getMessage(), e);
        }
        return names;
    }

    private static String nfc(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC);
    }
}
