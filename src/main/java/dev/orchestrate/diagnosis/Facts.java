package dev.orchestrate.diagnosis;

import dev.orchestrate.dut.Extent;
import dev.orchestrate.trace.Record;
import dev.orchestrate.verify.DamagedRange;
import dev.orchestrate.verify.Stray;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Everything a diagnosis may rest on: the damaged ranges and the run's sectors found outside the
 * files, the device's command log when it keeps one, the maximum transfer it publishes when that is
 * known, the verified files with where they lie on the device, and what the cell's steps did.
 *
 * @param complete whether {@code ranges} are all the damage there is; false when the verdict listed only the first ones, so
 *     that a place outside them may be damaged too
 * @param log the device's command log; empty for a device that keeps none
 * @param maxTransfer the maximum transfer the target publishes to the host, in bytes; empty when it publishes none or it is not
 *     known (verified offline)
 * @param files the verified files
 * @param history the cell's steps; {@link HostHistory#UNKNOWN} when verified offline
 */
public record Facts(List<DamagedRange> ranges, boolean complete, List<Stray> strays, Optional<List<Record>> log,
                    OptionalLong maxTransfer, List<FileFacts> files, HostHistory history) {

    /**
     * One verified file: its generation, the unit of its LBAs, and where its bytes lie on the device
     * (empty when it was read through a file system).
     */
    public record FileFacts(String name, int generation, int blockSize, List<Extent> onDevice) {
    }

    public Facts {
        ranges = List.copyOf(ranges);
        strays = List.copyOf(strays);
        files = List.copyOf(files);
    }

    /** The file named {@code name}, if it was verified. */
    Optional<FileFacts> file(String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The unit of the LBAs of {@code range}. */
    public int blockSize(DamagedRange range) {
        return file(range.file()).map(FileFacts::blockSize).orElse(files.isEmpty() ? 512 : files.getFirst().blockSize());
    }

    /** Whether the evidence {@code need} names is there. */
    boolean has(Defect.Need need) {
        return switch (need) {
            case COMMAND_LOG -> log.isPresent();
            case DEVICE_ADDRESSES -> ranges.stream().anyMatch(r -> r.lba() >= 0);
            case HOST_STEPS -> history.known();
        };
    }
}
