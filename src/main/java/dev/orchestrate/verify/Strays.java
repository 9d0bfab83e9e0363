package dev.orchestrate.verify;

import dev.orchestrate.data.SectorClass;
import dev.orchestrate.dut.Region;
import dev.orchestrate.suite.Size;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the scan of the region found outside the files' own places: every sector of this run
 * there, in ranges (the first {@link Verifier#MAX_RANGES} listed). Evidence, never a failure by
 * itself: file systems leave old copies in freed blocks.
 *
 * @param sectors how many stray sectors were found in all
 * @param rangeCount how many ranges they form, listed or not
 * @param counts sectors by class, over the listed ranges
 */
public record Strays(Region region, long sectors, long rangeCount, List<Stray> ranges, Map<SectorClass, Long> counts) {

    public Strays {
        ranges = List.copyOf(ranges);
        counts = counts.isEmpty() ? Map.of() : new EnumMap<>(counts);
    }

    /** Nothing was scanned outside the files. */
    public static Strays unscanned(Region region) {
        return new Strays(region, 0, 0, List.of(), Map.of());
    }

    /** The verdict's section on the region. */
    public String text() {
        StringBuilder out = new StringBuilder("outside the files: ").append(region.describe()).append('\n');
        if (!region.scanned()) {
            return out.toString();
        }
        out.append("stamped sectors outside the files: ").append(Size.grouped(sectors)).append(", in ").append(Size.grouped(rangeCount))
                .append(rangeCount == 1 ? " range" : " ranges");
        if (!counts.isEmpty()) {
            out.append(" (").append(counts.entrySet().stream().map(e -> e.getKey().label() + " " + Size.grouped(e.getValue()))
                    .collect(Collectors.joining(", "))).append(')');
        }
        out.append('\n');
        ranges.forEach(r -> out.append("  ").append(r.describe()).append('\n'));
        if (rangeCount > ranges.size()) {
            out.append("  ... ").append(Size.grouped(rangeCount - ranges.size())).append(" more ranges not listed\n");
        }
        return out.toString();
    }
}
