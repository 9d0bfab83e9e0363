package dev.orchestrate.dut;

import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.report.Evidence;
import dev.orchestrate.suite.Cell;
import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Section;
import dev.orchestrate.suite.Size;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A raw image file used as a device: tools write at device offsets, verification scans the image.
 * Each cell owns a region; regions and the files inside them start on {@link Layout#ALIGN} boundaries.
 */
public final class ImageTarget implements Target {

    /** The image kind: its keys, and the checks of a suite that names it. */
    static final class Kind implements TargetKind {

        @Override
        public String name() {
            return "image";
        }

        @Override
        public Section.Variant variant() {
            return new Section.Variant("a raw image file used as a device: tools write at device offsets, verification scans the image",
                    List.of(Key.optional("path", Key.Type.TEXT, null,
                                    "the image file; created sparse if absent; default: target.img in the run directory"),
                            Key.optional("size", Key.Type.SIZE, null, "the image size; default: what the suite's cells need"),
                            Key.choice("block-size", "512", List.of("512", "4KiB"),
                                    "the device block size, the unit of the LBAs in verdicts")));
        }

        @Override
        public Set<Ability> abilities() {
            return Set.of();
        }

        @Override
        public Target open(Opening at) {
            Options o = at.options();
            Layout layout = at.layout();
            long size = o.find("size").map(v -> Size.parse(v.text()).bytes()).orElse(layout.total());
            Path image = o.optionalText("path").map(Path::of).orElse(at.runDir().resolve("target.img"));
            return new ImageTarget(image, size, (int) o.size("block-size"), layout);
        }

        @Override
        public boolean raw(Options target) {
            return true;
        }

        @Override
        public Optional<String> pathProblem(Options target, Path path) {
            return !Files.exists(path) || Files.isRegularFile(path) ? Optional.empty()
                    : Optional.of("target path " + path + " exists and is not a regular file; the image target writes only to image files");
        }

        @Override
        public Optional<String> capacityProblem(Options target, List<Layout.Need> needs) {
            long needed = Layout.of(needs).total();
            return target.find("size").filter(v -> Size.parse(v.text()).bytes() < needed)
                    .map(v -> "image size " + v.text() + " is too small: the suite's cells need " + new Size(needed)
                            + " (" + Size.grouped(needed) + " bytes); raise 'size' or leave it out");
        }
    }

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
        return "image " + image.toAbsolutePath() + " (" + Size.grouped(size) + " bytes, " + blockSize + "-byte blocks)";
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

    /** Regions stay as they are when the cell ends: the image is the record of what happened. */
    @Override
    public Device open(Cell cell, Path dir, Evidence evidence) {
        return RawDisk.image(image, layout, blockSize, size).device(cell);
    }

    @Override
    public void close() {
    }
}
