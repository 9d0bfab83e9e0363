package dev.orchestrate.host;

import dev.orchestrate.dut.Extent;
import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.process.Command;
import dev.orchestrate.process.Outcome;
import dev.orchestrate.process.Processes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A file's extent map (FIEMAP) through filefrag(8): where each of its byte ranges lies on the device. */
public final class Extents {

    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    private static final int BATCH = 256;
    private static final String SECTION = "File size of ";
    private static final Pattern UNIT = Pattern.compile("blocks? of (\\d+) bytes");
    private static final Pattern BTRFS_PHYSICAL = Pattern.compile("mirror 1 logical \\d+ physical (\\d+)");
    private static final Pattern EXTENT = Pattern.compile("^\\s*\\d+:\\s*(\\d+)\\.\\.\\s*(\\d+):\\s*(\\d+)\\.\\.\\s*(\\d+):\\s*(\\d+):.*$");

    private Extents() {
    }

    /**
     * The extents of {@code file}; with {@code sync} the file is written back first (FIEMAP_FLAG_SYNC),
     * so delayed allocations get their blocks. Ranges with no extent have no block on the device.
     */
    public static List<Extent> of(Path file, boolean sync) {
        return of(List.of(file), sync).get(file);
    }

    /**
     * The extents of each of {@code files}, as {@link #of(Path, boolean)}, from one filefrag per
     * {@value #BATCH} files: a cell of 200 files takes 3 ms instead of 220 ms as one process per file (measured).
     */
    public static Map<Path, List<Extent>> of(List<Path> files, boolean sync) {
        Map<Path, List<Extent>> maps = new LinkedHashMap<>();
        for (int from = 0; from < files.size(); from += BATCH) {
            List<Path> batch = files.subList(from, Math.min(files.size(), from + BATCH));
            List<String> argv = new ArrayList<>(List.of("filefrag", "-v", "-e"));
            if (sync) {
                argv.add("-s");
            }
            batch.forEach(f -> argv.add(f.toString()));
            Outcome outcome = Processes.read(new Command(argv, TIMEOUT));
            if (!outcome.succeeded()) {
                throw new RigBroken("cannot map the extents of " + (batch.size() == 1 ? batch.getFirst() : batch.size() + " files in "
                        + batch.getFirst().getParent()) + ": " + outcome.lastLine());
            }
            sections(outcome.output(), batch).forEach((file, section) -> maps.put(file, parse(section)));
        }
        return maps;
    }

    /** filefrag's output for each file, in the order given: from its "File size of NAME is" line to the next file's. */
    static Map<Path, String> sections(String output, List<Path> files) {
        Map<Path, String> sections = new LinkedHashMap<>();
        List<String> lines = output.lines().toList();
        int at = 0;
        for (int i = 0; i < files.size(); i++) {
            String head = SECTION + files.get(i) + " is ";
            String next = i + 1 < files.size() ? SECTION + files.get(i + 1) + " is " : null;
            while (at < lines.size() && !lines.get(at).startsWith(head)) {
                at++;
            }
            if (at == lines.size()) {
                throw new RigBroken("filefrag printed no extent map for " + files.get(i) + ": " + output.lines().findFirst().orElse(""));
            }
            StringBuilder section = new StringBuilder();
            for (; at < lines.size() && (next == null || !lines.get(at).startsWith(next)); at++) {
                section.append(lines.get(at)).append('\n');
            }
            sections.put(files.get(i), section.toString());
        }
        return sections;
    }

    /**
     * btrfs reports extents at its own logical addresses; btrfs-map-logical turns each into the
     * offset on {@code device}. An extent lies in one block group, so its start is enough.
     */
    public static List<Extent> onBtrfsDevice(List<Extent> logical, String device) {
        List<Extent> mapped = new ArrayList<>();
        for (Extent e : logical) {
            Outcome outcome = Processes.run(new Command(List.of("btrfs-map-logical", "-l", Long.toString(e.physical()), device), TIMEOUT));
            Matcher m = BTRFS_PHYSICAL.matcher(outcome.output());
            if (!outcome.succeeded() || !m.find()) {
                throw new RigBroken("cannot map btrfs address " + e.physical() + " on " + device + ": " + outcome.lastLine());
            }
            mapped.add(new Extent(e.logical(), Long.parseLong(m.group(1)), e.length()));
        }
        return mapped;
    }

    static List<Extent> parse(String output) {
        Matcher unit = UNIT.matcher(output);
        if (!unit.find()) {
            throw new RigBroken("filefrag printed no block size: " + output.lines().findFirst().orElse("(nothing)"));
        }
        long block = Long.parseLong(unit.group(1));
        List<Extent> extents = new ArrayList<>();
        for (String line : output.lines().toList()) {
            Matcher m = EXTENT.matcher(line);
            if (m.matches() && (line.contains("inline") || line.contains("encoded"))) {
                throw new RigBroken("the file system stores part of the file "
                        + (line.contains("inline") ? "inline in its metadata" : "encoded (compressed)")
                        + ", so it cannot be read raw from the media: " + line.strip());
            }
            // unwritten (preallocated) extents read as zeros through the file system: no data of the file is there
            if (m.matches() && !line.contains("unknown_loc") && !line.contains("delalloc") && !line.contains("unwritten")) {
                long logical = Long.parseLong(m.group(1));
                long physical = Long.parseLong(m.group(3));
                long length = Long.parseLong(m.group(5));
                extents.add(new Extent(logical * block, physical * block, length * block));
            }
        }
        return extents;
    }
}
