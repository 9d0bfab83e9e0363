package dev.orchestrate.data;

import java.util.Arrays;

/**
 * Classifies a sector on its own, given only what should be at its place. One instance per thread:
 * it keeps a scratch buffer for the expected bytes.
 */
public final class Recogniser {

    private final SectorFormat format;
    private final byte[] expected;
    private final byte[] claimed;

    public Recogniser(SectorFormat format) {
        this.format = format;
        this.expected = new byte[format.sectorSize()];
        this.claimed = new byte[format.sectorSize()];
    }

    /**
     * Classifies {@code length} bytes at {@code at} in {@code buffer}, where the sector stamped
     * {@code should} belongs; {@code length} is less than the sector size only for a file's last sector.
     */
    public Finding classify(byte[] buffer, int at, int length, Stamp should) {
        format.encode(should, expected, 0);
        int mismatch = Arrays.mismatch(buffer, at, at + length, expected, 0, length);
        if (mismatch < 0) {
            return new Finding(SectorClass.INTACT, should, 0, -1);
        }
        if (allZero(buffer, at, length)) {
            return new Finding(SectorClass.ZEROS, null, differing(buffer, at, length), mismatch);
        }
        SectorFormat.Header header = format.header(buffer, at);
        if (header != null && !header.stamp().equals(should) && intactAsClaimed(buffer, at, length, header)) {
            Stamp found = header.stamp();
            boolean samePlace = found.fileId() == should.fileId() && found.offset() == should.offset();
            // whether its own place holds it too (duplicated) takes a read there: the verifier decides that
            SectorClass kind = found.runId() != should.runId() || samePlace ? SectorClass.STALE : SectorClass.MISPLACED;
            return new Finding(kind, found, differing(buffer, at, length), mismatch);
        }
        int differing = differing(buffer, at, length);
        boolean recognisable = header != null || differing <= length / 2;
        return new Finding(recognisable ? SectorClass.DAMAGED : SectorClass.FOREIGN, null, differing, mismatch);
    }

    /**
     * Classifies a sector where a hole of the source belongs, so zeros are expected: anything else
     * is either a sector of ours that landed there (misplaced) or foreign data.
     */
    public Finding classifyHole(byte[] buffer, int at, int length) {
        int first = -1;
        int differing = 0;
        for (int i = 0; i < length; i++) {
            if (buffer[at + i] != 0) {
                differing++;
                first = first < 0 ? i : first;
            }
        }
        if (differing == 0) {
            return new Finding(SectorClass.INTACT, null, 0, -1);
        }
        SectorFormat.Header header = format.header(buffer, at);
        if (header != null && intactAsClaimed(buffer, at, length, header)) {
            return new Finding(SectorClass.MISPLACED, header.stamp(), differing, first);
        }
        return new Finding(SectorClass.FOREIGN, null, differing, first);
    }

    /** A sector is what its header claims when it equals the sector encoded from that claim. */
    private boolean intactAsClaimed(byte[] buffer, int at, int length, SectorFormat.Header header) {
        if (header.sectorSize() != format.sectorSize() || header.version() != SectorFormat.VERSION) {
            return false;
        }
        if (length == format.sectorSize()) {
            return format.crcValid(buffer, at) && payloadMatches(buffer, at, length, header.stamp());
        }
        return payloadMatches(buffer, at, length, header.stamp());
    }

    private boolean payloadMatches(byte[] buffer, int at, int length, Stamp stamp) {
        format.encode(stamp, claimed, 0);
        return Arrays.mismatch(buffer, at, at + length, claimed, 0, length) < 0;
    }

    private int differing(byte[] buffer, int at, int length) {
        int count = 0;
        for (int i = 0; i < length; i++) {
            if (buffer[at + i] != expected[i]) {
                count++;
            }
        }
        return count;
    }

    private static boolean allZero(byte[] buffer, int at, int length) {
        for (int i = 0; i < length; i++) {
            if (buffer[at + i] != 0) {
                return false;
            }
        }
        return true;
    }
}
