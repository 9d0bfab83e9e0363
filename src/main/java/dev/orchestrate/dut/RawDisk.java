package dev.orchestrate.dut;

import dev.orchestrate.suite.Cell;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A disk or image written raw with a layout, as the raw targets (an image, a Linux block device, a
 * Mac's raw node) share it: each cell's files at the layout's offsets, read back there, and the cell's
 * region (or every cell's) scanned on the known-good path unless a trusted host reads only the files.
 *
 * @param reads how a placement is read back
 * @param wholeEnd where a scan of the whole device ends
 * @param wholeName what a scan of the whole device reads ("the whole image")
 * @param cellName what a scan of a cell's region reads ("the cell's region of the image")
 */
record RawDisk(Path node, Layout layout, int blockSize, Function<Placement, ReadBack> reads, Optional<TrustedHost> trusted, long wholeEnd,
               String wholeName, String cellName) {

    /** An image file, read directly at each file's device offset. */
    static RawDisk image(Path image, Layout layout, int blockSize, long size) {
        return new RawDisk(image, layout, blockSize, p -> ReadBack.raw(p.path(), p.deviceOffset(), p.blockSize()), Optional.empty(), size,
                "the whole image", "the cell's region of the image");
    }

    /**
     * A lab disk, read through the driver under test at each file's device offset ({@code how} says
     * how the cache is bypassed), or by {@code trusted}, a second host with a known-good driver.
     */
    static RawDisk throughDriver(Path node, Layout layout, int blockSize, Optional<TrustedHost> trusted, String how) {
        Function<Placement, ReadBack> reads = p -> trusted.map(host -> ReadBack.trusted(host, p.deviceOffset(), blockSize))
                .orElseGet(() -> ReadBack.device(p.path(), p.deviceOffset(), blockSize,
                        "read through the driver under test: " + p.path() + how));
        String through = " of " + node + ", read through the driver under test";
        return new RawDisk(node, layout, blockSize, reads, trusted, layout.total(), "every cell's region" + through,
                "the cell's region" + through);
    }

    /** The device of one cell on this disk. */
    Device device(Cell cell) {
        return new RawDevice(cell, this);
    }

    /** One cell's share of the disk. */
    private record RawDevice(Cell cell, RawDisk disk) implements Device {

        @Override
        public Placement place(int index) {
            return new Placement(disk.node(), disk.layout().fileOffset(cell.ordinal(), index), disk.blockSize());
        }

        @Override
        public ReadBack readRaw(Placement p) {
            return disk.reads().apply(p);
        }

        @Override
        public Region region(boolean wholeDevice) {
            if (disk.trusted().isPresent()) {
                return Region.none(TrustedHost.UNSCANNED);
            }
            Layout layout = disk.layout();
            return wholeDevice ? new Region(disk.node(), 0, disk.wholeEnd(), disk.blockSize(), disk.wholeName())
                    : new Region(disk.node(), layout.start(cell.ordinal()), layout.end(cell.ordinal()), disk.blockSize(), disk.cellName());
        }

        /** The regions stay as they are: the disk is the record of what happened. */
        @Override
        public void close(boolean passed, List<Placement> placements) {
        }
    }
}
