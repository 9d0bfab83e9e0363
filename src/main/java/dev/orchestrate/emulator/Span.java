package dev.orchestrate.emulator;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * One destage write: {@code length} bytes consecutive on the device from {@code device}, gathered
 * from the cache slots that hold them, one buffer per stretch of slots side by side in the arena.
 */
record Span(long device, long length, List<ByteBuffer> buffers) {
}
