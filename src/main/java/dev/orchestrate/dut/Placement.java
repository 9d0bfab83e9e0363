package dev.orchestrate.dut;

import java.nio.file.Path;

/**
 * Where one file of a cell goes.
 *
 * @param path a file on a mounted volume, or the device or image that holds the file raw
 * @param deviceOffset the byte offset on the device where the file starts, or -1 when the file is
 *     written through a file system and its device address is not known
 * @param blockSize the device block size, the unit of LBAs
 */
public record Placement(Path path, long deviceOffset, int blockSize) {

    public boolean raw() {
        return deviceOffset >= 0;
    }
}
