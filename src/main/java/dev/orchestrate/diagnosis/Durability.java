package dev.orchestrate.diagnosis;

import dev.orchestrate.verify.DamagedRange;
import java.util.List;

/**
 * The durability oracle: a promise is made by the host's steps (an fsync of the file, sync,
 * unmount, eject, a clean reboot, a copy that flushes) and must be kept; data never promised may be
 * lost at a power cut, whether or not it reached the device, and whether or not it has a device
 * address. Only missing data is excused: wrong data in a file (misplaced, damaged) is never a loss.
 */
public final class Durability {

    /** The damaged ranges of promised data, which fail the cell, and the losses of data never promised, which are listed. */
    public record Split(List<DamagedRange> promised, List<DamagedRange> neverPromised) {

        public Split {
            promised = List.copyOf(promised);
            neverPromised = List.copyOf(neverPromised);
        }

        /** What was lost of each kind, for the report. */
        public String text() {
            StringBuilder out = new StringBuilder();
            out.append("promised and lost: ").append(Correlation.ranges(promised.size()))
                    .append(promised.isEmpty() ? "\n" : " (these fail the cell)\n");
            promised.stream().limit(20).forEach(r -> out.append("  ").append(r.describe()).append('\n'));
            out.append("\nnever promised, lost: ").append(Correlation.ranges(neverPromised.size()))
                    .append(" (no step promised their files between the copy and the power cut; they may be lost)\n");
            neverPromised.stream().limit(20).forEach(r -> out.append("  ").append(r.describe()).append('\n'));
            return out.toString();
        }
    }

    private Durability() {
    }

    public static Split split(List<DamagedRange> ranges, HostHistory history) {
        List<DamagedRange> excused = ranges.stream().filter(r -> Located.LOST.contains(r.kind()) && !history.promised(r.file())).toList();
        return new Split(ranges.stream().filter(r -> !excused.contains(r)).toList(), excused);
    }
}
