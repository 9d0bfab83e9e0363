package dev.orchestrate.verify;

import dev.orchestrate.suite.Size;

/**
 * A block of a file that a tool's own check failed, as the tool names it.
 *
 * @param offset the block's first byte, as a file offset
 * @param says what the check said of it ("crc32c: verify failed", "verify: bad magic header 0, wanted acca")
 */
public record BadBlock(long offset, long length, String says) {

    public long end() {
        return offset + length;
    }

    /** "131,072 bytes at offset 524,288 (crc32c: verify failed)". */
    public String describe() {
        return Size.grouped(length) + " bytes at offset " + Size.grouped(offset) + " (" + says + ")";
    }
}
