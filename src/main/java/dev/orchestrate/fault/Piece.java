package dev.orchestrate.fault;

/**
 * A part of a write command as it will be applied: {@code length} bytes taken from {@code source}
 * bytes into the command, stored at {@code device}; or zeros instead of the command's bytes.
 * A part of a command with no piece is never stored: the old contents stay (stale).
 */
public record Piece(long device, long source, long length, boolean zeros) {

    public Piece slice(long from, long to) {
        return new Piece(device + from, source + from, to - from, zeros);
    }
}
