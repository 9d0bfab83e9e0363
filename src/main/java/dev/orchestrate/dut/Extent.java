package dev.orchestrate.dut;

/**
 * A byte range of a file and where it lies on the device: {@code length} bytes from file offset
 * {@code logical} at device offset {@code physical}.
 */
public record Extent(long logical, long physical, long length) {

    public boolean contains(long fileOffset) {
        return fileOffset >= logical && fileOffset < logical + length;
    }
}
