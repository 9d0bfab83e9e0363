package dev.orchestrate.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.orchestrate.dut.Extent;
import dev.orchestrate.trace.Signature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The run manifest: what was written where. Every sector's content follows from the run id, file
 * id, generation and size, and each file's device location is recorded (its offset on an image,
 * its extent map on the emulated target), so a run can be verified again later, on another host,
 * from the manifest and the media alone ({@code orchestrate verify}).
 */
public record Manifest(int format, String runId, String suite, String suiteFile, String started, String finished,
                       int sectorSize, String target, List<CellRecord> cells) {

    public static final String FILE = "manifest.json";

    /**
     * One cell: its axis values, how it ended and with which defect, what the suite expects of it,
     * the sectors its last verify found by class, its files, and the device's command log if it kept one.
     *
     * @param defect the defect it failed with (a {@code Defect} label), or empty
     * @param expected what the suite expects ("passed", "failed with flush-dropped (DRV-12)"), or empty
     * @param asExpected whether it ended as the suite expects; null when the suite expects nothing of it, or it did not run to a verdict
     * @param sectors the sectors by class its last verify found ("intact", "zeros" ...); empty before a verify
     * @param commandLog the path of the cell's command log, or empty
     * @param scan what its verify scanned outside the files, or null when verify did not run
     * @param millis how long the cell took, setup and teardown included
     * @param damage where the damage it failed on begins and how much there is, or null when it did not fail on damage
     * @param pattern its I/O pattern in a few numbers, or null without a command log
     * @param target the identity of the cell's target ({@code Target.identity()}), empty where there is none
     */
    public record CellRecord(int ordinal, String name, Map<String, String> axes, String status, String message, String defect,
                             String expected, Boolean asExpected, Map<String, Long> sectors, List<FileRecord> files, String commandLog,
                             ScanRecord scan, long millis, Damage damage, Signature pattern, Map<String, String> target) {
    }

    /**
     * The damage a cell failed on: its first damaged byte, and the bytes of every failing range.
     *
     * @param lba the first bad byte's LBA, or -1 where the file has no device address (read through a file system)
     */
    public record Damage(String file, long offset, long lba, long bytes) {
    }

    /**
     * What a cell's verify scanned outside the files, to scan the same again offline.
     *
     * @param mode the verify step's {@code scan}: files, region or device
     * @param start the region's first byte on the device (0 and {@code end} 0 when nothing was scanned)
     * @param description what the region is, or why nothing was scanned
     */
    public record ScanRecord(String mode, long start, long end, int blockSize, String description) {
    }

    /**
     * One file as expected on the target, and where its last verification found it on the device.
     *
     * @param sparse every second MiB of the file is a hole (see StampedFile)
     * @param deviceOffset the byte offset on the device, or -1 when written through a file system
     * @param extents where the file lay on the device when last verified (file offset, device offset, length), or empty
     * @param blockSize the unit of the device's LBAs
     */
    public record FileRecord(int id, String name, long size, int generation, boolean sparse, String path, long deviceOffset,
                             List<Extent> extents, int blockSize) {
    }

    public void write(Path file) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
    }

    public static Manifest read(Path file) throws IOException {
        return new ObjectMapper().readValue(file.toFile(), Manifest.class);
    }
}
