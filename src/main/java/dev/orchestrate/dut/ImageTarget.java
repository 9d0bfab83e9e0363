package dev.orchestrate.dut;

import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.report.Evidence;
import dev.orchestrate.suite.Cell;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A raw image file used as a device: tools write at device offsets, verification scans the image.
 * Each cell owns a region; regions and the files inside them start on {@link Layout#ALIGN} boundaries.
 */
public final class ImageTarget implements Target {

    private final Path image;
    private final long size;
    private final int blockSize;
    private final Layout layout;

    /** @param layout where each cell's region and files lie */
    public ImageTarget(Path image, long size, int blockSize, Layout layout) {
        this.image = image;
        this.size = size;
        this.blockSize = blockSize;
        this.layout = layout;
    }

    @Override
    public String describe() {
        return "image " + image.toAbsolutePath() + " (" + dev.orchestrate.suite.Size.grouped(size) + " bytes, " + blockSize + "-byte blocks)";
    }

    @Override
    public boolean raw() {
        return true;
    }

    @Override
    public void prepare() {
        try {
            if (Files.exists(image) && !Files.isRegularFile(image)) {
                throw new RigBroken(image + " exists and is not a regular file; the image target writes only to image files");
            }
            Files.createDirectories(image.toAbsolutePath().getParent());
            try (RandomAccessFile file = new RandomAccessFile(image.toFile(), "rw")) {
                if (file.length() < size) {
                    file.setLength(size);
                }
            }
        } catch (IOException e) {
            throw new RigBroken("cannot prepare the image " + image + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Placement place(Cell cell, int index) {
        return new Placement(image, layout.fileOffset(cell.ordinal(), index), blockSize);
    }

    @Override
    public Region region(Cell cell, boolean wholeDevice) {
        return wholeDevice ? new Region(image, 0, size, blockSize, "the whole image")
                : new Region(image, layout.start(cell.ordinal()), layout.end(cell.ordinal()), blockSize, "the cell's region of the image");
    }

    /** Regions stay as they are: the image is the record of what happened. */
    @Override
    public void afterCell(Cell cell, List<Placement> placements, boolean passed, Evidence evidence) {
    }

    @Override
    public void close() {
    }
}
