package dev.orchestrate.verify;

import dev.orchestrate.data.SectorClass;
import dev.orchestrate.suite.Size;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What verification found: sector counts by class and every damaged range (the first
 * {@link Verifier#MAX_RANGES}), plus the bytes of the first damaged sector for a hex comparison.
 *
 * @param readPath how the data was read, stated in every report
 * @param samples the first sector of each of the first few damaged ranges, as found and as it should be
 * @param strays the run's sectors found in the region outside the files: evidence, not failures
 * @param originsCapped whether some misplaced ranges were not checked for a copy at their own place
 *     (the checks are capped) and so stay misplaced
 */
public record Verdict(String readPath, int files, long sectors, Map<SectorClass, Long> counts, List<DamagedRange> ranges,
                      boolean rangesCut, List<Sample> samples, Strays strays, boolean originsCapped) {

    /** One damaged sector as found and as it should be. */
    public record Sample(String file, long offset, byte[] found, byte[] expected) {
    }

    public Verdict {
        counts = new EnumMap<>(counts);
        ranges = List.copyOf(ranges);
        samples = List.copyOf(samples);
    }

    /** The same verdict over only {@code failing} of its ranges: what a durable oracle fails the cell for. */
    public Verdict only(List<DamagedRange> failing) {
        return failing.equals(ranges) ? this
                : new Verdict(readPath, files, sectors, counts, failing, false, samples, strays, originsCapped);
    }

    /** The first damaged sector, or null when all is intact. */
    public Sample first() {
        return samples.isEmpty() ? null : samples.getFirst();
    }

    public boolean passed() {
        return ranges.isEmpty();
    }

    public long damagedBytes() {
        return ranges.stream().mapToLong(DamagedRange::length).sum();
    }

    /** One line for the failure message: where the damage starts, what is there, and how much there is. */
    public String headline() {
        if (passed()) {
            return "all " + Size.grouped(sectors) + " sectors of " + files + (files == 1 ? " file" : " files") + " intact";
        }
        DamagedRange r = ranges.getFirst();
        return "first bad byte at offset " + Size.grouped(r.start()) + " of " + r.file()
                + (r.lba() >= 0 ? " (LBA " + Size.grouped(r.lba()) + ")" : "") + ": found " + r.found() + ", expected " + r.expected()
                + "; " + ranges.size() + (rangesCut ? "+" : "") + (ranges.size() == 1 ? " damaged range, " : " damaged ranges, ")
                + Size.grouped(damagedBytes()) + " bytes";
    }

    /** The full verdict as text: how it was read, counts by class, every damaged range. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(passed() ? "PASSED: " : "FAILED: ").append(headline()).append("\n\n");
        out.append("read path: ").append(readPath).append('\n');
        out.append("sectors by class: ").append(counts.entrySet().stream()
                .map(e -> e.getKey().label() + " " + Size.grouped(e.getValue())).collect(Collectors.joining(", "))).append("\n");
        if (!passed()) {
            out.append("\ndamaged ranges:\n");
            ranges.forEach(r -> out.append("  ").append(r.describe()).append('\n'));
            if (rangesCut) {
                out.append("  ... more ranges not listed\n");
            }
        }
        if (originsCapped) {
            out.append("\nmisplaced ranges checked for a copy at their own place: the first ").append(Origins.MAX_CHECKS)
                    .append("; the others stay misplaced, unchecked\n");
        }
        return out.append('\n').append(strays.text()).toString();
    }
}
