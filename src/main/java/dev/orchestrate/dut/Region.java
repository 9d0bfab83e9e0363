package dev.orchestrate.dut;

import dev.orchestrate.suite.Size;
import java.nio.file.Path;

/**
 * The stretch of the device a verification scans for sectors of the run outside the files, on the
 * known-good path: bytes {@code start} to {@code end} of {@code source} (an image or a media image).
 * A region without a source was not scanned, and {@code description} says why.
 *
 * @param description what the region is ("the cell's region of the image"), or why nothing is scanned
 */
public record Region(Path source, long start, long end, int blockSize, String description) {

    /** Nothing is scanned outside the files, for the reason given. */
    public static Region none(String why) {
        return new Region(null, 0, 0, 512, why);
    }

    public boolean scanned() {
        return source != null;
    }

    /** "LBA 0..2,097,151 of /x/media.img (the cell's own device)", or why nothing was scanned. */
    public String describe() {
        return scanned()
                ? "LBA " + Size.grouped(start / blockSize) + ".." + Size.grouped((end - 1) / blockSize)
                        + " of " + source + " (" + description + ")"
                : "not scanned: " + description;
    }
}
