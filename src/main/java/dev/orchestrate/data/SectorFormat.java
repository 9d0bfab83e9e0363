package dev.orchestrate.data;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Encodes and decodes one stamped sector (format 1). Layout, little-endian:
 * <pre>
 *  0  8  magic "orchSTMP"
 *  8  2  format version (1)
 * 10  2  header length (64)
 * 12  4  sector size in bytes
 * 16  8  run id
 * 24  4  file id
 * 28  4  generation
 * 32  8  byte offset of this sector in its file
 * 40 20  reserved, zero
 * 60  4  CRC32C of bytes 0..59 and of the payload
 * 64  -  payload: four interleaved xorshift64 streams seeded from (run, file, offset, generation)
 * </pre>
 * A final sector shorter than the sector size holds the first bytes of the full sector it would be.
 */
public final class SectorFormat {

    /** "orchSTMP" read as a little-endian long. */
    public static final long MAGIC = 0x504D54536863726FL;
    public static final int VERSION = 1;
    public static final int HEADER = 64;
    public static final int CRC_AT = 60;

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong S_LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt S_INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort S_SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /** Header bytes 16..39 (run, file, generation, offset) are all that varies in a header. */
    private static final int FIELDS_AT = 16;
    private static final int FIELD_BYTES = 24;
    private static final int LANE_BYTES = 32;
    /** A block of the payload: one word of each of the four lanes. */
    private static final int BLOCK = 32;

    private final int sectorSize;
    /** Per byte of the header fields and of the four lane states, what each value of that byte adds to the CRC. */
    private final int[] crcTerms = new int[(FIELD_BYTES + LANE_BYTES) * 256];
    /** The CRC of a sector whose fields and lane states are all zero. */
    private final int crcBase;
    /**
     * The base CRC with the terms of the fields every sector of one file shares, for the file last
     * checked (null before the first): a plain field, since threads that race on it only compute the same value again.
     */
    private FileTerms fileTerms;

    public SectorFormat(int sectorSize) {
        if (sectorSize < 512 || Integer.bitCount(sectorSize) != 1) {
            throw new IllegalArgumentException("sector size must be a power of two of at least 512, not " + sectorSize);
        }
        this.sectorSize = sectorSize;
        this.crcBase = crcTerms();
    }

    /**
     * Fills {@link #crcTerms} and returns the base CRC. CRC32C is affine over GF(2) for a fixed
     * length, and the payload is a linear function of the four lane start states (xorshift is
     * linear), so a sector's CRC is the CRC of the all-zero case XOR one term per byte of the
     * header fields and of the lane states. Each byte's table is spanned by its eight single-bit
     * terms, each the CRC of one sector.
     */
    private int crcTerms() {
        byte[] zero = new byte[sectorSize];
        constantHeader(zero, 0);
        int base = crc(zero, 0);
        for (int j = 0; j < FIELD_BYTES + LANE_BYTES; j++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] one = new byte[sectorSize];
                constantHeader(one, 0);
                if (j < FIELD_BYTES) {
                    one[FIELDS_AT + j] = (byte) (1 << bit);
                } else {
                    long[] state = new long[4];
                    state[(j - FIELD_BYTES) / 8] = 1L << ((j - FIELD_BYTES) % 8 * 8 + bit);
                    fillPayload(new Lanes(state[0], state[1], state[2], state[3]), one, HEADER, sectorSize - HEADER);
                }
                int term = crc(one, 0) ^ base;
                for (int v = 1 << bit; v < 1 << (bit + 1); v++) {
                    crcTerms[j * 256 + v] = crcTerms[j * 256 + (v ^ (1 << bit))] ^ term;
                }
            }
        }
        return base;
    }

    /**
     * The CRC of the sector stamped {@code stamp}, whose lanes start at {@code lanes}: table lookups, no pass over the sector.
     * Of the offset only its significant bytes count (a zero byte adds nothing), and run, file and generation come from
     * {@link #fileTerms}: 36 lookups for a sector at an offset under 4 GiB instead of 56.
     */
    private int crcOf(Stamp stamp, Lanes lanes) {
        FileTerms shared = fileTerms;
        if (shared == null || !shared.of(stamp)) {
            shared = new FileTerms(stamp.runId(), stamp.fileId(), stamp.generation(),
                    crcBase ^ terms(0, stamp.runId(), 8) ^ terms(8, stamp.fileId(), 4) ^ terms(12, stamp.generation(), 4));
            fileTerms = shared;
        }
        long offset = stamp.offset();
        return shared.crc() ^ terms(16, offset, (Long.SIZE - Long.numberOfLeadingZeros(offset) + 7) / 8)
                ^ terms(FIELD_BYTES, lanes.a, 8) ^ terms(FIELD_BYTES + 8, lanes.b, 8)
                ^ terms(FIELD_BYTES + 16, lanes.c, 8) ^ terms(FIELD_BYTES + 24, lanes.d, 8);
    }

    /** The base CRC with the terms of a file's run, file id and generation. */
    private record FileTerms(long runId, int fileId, int generation, int crc) {
        boolean of(Stamp stamp) {
            return runId == stamp.runId() && fileId == stamp.fileId() && generation == stamp.generation();
        }
    }

    /** The terms of the {@code bytes} little-endian bytes of {@code value}, from table {@code first} on. */
    private int terms(int first, long value, int bytes) {
        int crc = 0;
        for (int k = 0; k < bytes; k++) {
            crc ^= crcTerms[(first + k) << 8 | (int) (value >>> (8 * k)) & 0xFF];
        }
        return crc;
    }

    public int sectorSize() {
        return sectorSize;
    }

    /** Writes the full sector for {@code stamp} into {@code dst} at {@code at}. */
    public void encode(Stamp stamp, byte[] dst, int at) {
        constantHeader(dst, at);
        LONG.set(dst, at + 16, stamp.runId());
        INT.set(dst, at + 24, stamp.fileId());
        INT.set(dst, at + 28, stamp.generation());
        LONG.set(dst, at + 32, stamp.offset());
        Arrays.fill(dst, at + 40, at + CRC_AT, (byte) 0);
        fillPayload(new Lanes(seed(stamp)), dst, at + HEADER, sectorSize - HEADER);
        INT.set(dst, at + CRC_AT, crc(dst, at));
    }

    /** The constant part of every header: magic, version, header length, sector size. */
    private void constantHeader(byte[] dst, int at) {
        LONG.set(dst, at, MAGIC);
        SHORT.set(dst, at + 8, (short) VERSION);
        SHORT.set(dst, at + 10, (short) HEADER);
        INT.set(dst, at + 12, sectorSize);
    }

    /** The full expected sector for {@code stamp}, as a new array. */
    public byte[] expected(Stamp stamp) {
        byte[] sector = new byte[sectorSize];
        encode(stamp, sector, 0);
        return sector;
    }

    /**
     * Whether the full sector at {@code at} of {@code src} (a direct buffer's memory: read once,
     * never copied) is exactly the sector for {@code stamp}: header fields, payload, then the CRC,
     * known from the stamp and the lanes' start state without a pass over the sector (see {@link
     * #crcTerms()}). The fast path of verification, since almost every sector is intact.
     */
    public boolean intact(MemorySegment src, long at, Stamp stamp) {
        if (!headerMatches(src, at, stamp)) {
            return false;
        }
        Lanes x = new Lanes(seed(stamp));
        int crc = crcOf(stamp, x);
        return payloadFrom(src, at, x) && src.get(S_INT, at + CRC_AT) == crc;
    }

    /** Whether the header of the sector at {@code at} is the one {@code stamp} gives: every field, reserved bytes zero. */
    public boolean headerMatches(MemorySegment src, long at, Stamp stamp) {
        return src.get(S_LONG, at) == MAGIC && src.get(S_SHORT, at + 8) == VERSION && src.get(S_SHORT, at + 10) == HEADER
                && src.get(S_INT, at + 12) == sectorSize && src.get(S_LONG, at + 16) == stamp.runId()
                && src.get(S_INT, at + 24) == stamp.fileId() && src.get(S_INT, at + 28) == stamp.generation()
                && src.get(S_LONG, at + 32) == stamp.offset() && src.get(S_LONG, at + 40) == 0
                && src.get(S_LONG, at + 48) == 0 && src.get(S_INT, at + 56) == 0;
    }

    /** Whether the payload of the full sector at {@code at} is the one {@code stamp} seeds. */
    public boolean payloadMatches(MemorySegment src, long at, Stamp stamp) {
        return payloadFrom(src, at, new Lanes(seed(stamp)));
    }

    /** Whether the full sector at {@code at} carries the CRC the sector stamped {@code stamp} has. */
    public boolean crcMatches(MemorySegment src, long at, Stamp stamp) {
        return src.get(S_INT, at + CRC_AT) == crcOf(stamp, new Lanes(seed(stamp)));
    }

    /**
     * Whether the payload at {@code at} is the one whose lanes start at {@code x} (which this steps
     * once). Only the first block is generated: each later word must be its lane's step of the word
     * one block before, so, by induction, the whole payload is the generated one. The words are
     * checked independently of each other, with no serial chain through the lanes, so the loop
     * runs as wide as the CPU allows (vectorised by the JIT) instead of at the latency of four
     * xorshift chains.
     */
    private boolean payloadFrom(MemorySegment src, long at, Lanes x) {
        x.next();
        long first = at + HEADER;
        if ((src.get(S_LONG, first) ^ x.a | src.get(S_LONG, first + 8) ^ x.b | src.get(S_LONG, first + 16) ^ x.c
                | src.get(S_LONG, first + 24) ^ x.d) != 0) {
            return false;
        }
        // indexed on src itself: a slice per sector kept the JIT from vectorising the loop (5x slower, measured)
        long differ = 0;
        long end = at + sectorSize - BLOCK;
        for (long i = first; i < end; i += 8) {
            differ |= src.get(S_LONG, i + BLOCK) ^ step(src.get(S_LONG, i));
        }
        return differ == 0;
    }

    /** One xorshift64 (13, 7, 17) step of one lane. */
    private static long step(long x) {
        long y = x ^ x << 13;
        y ^= y >>> 7;
        return y ^ y << 17;
    }

    /** The header of the sector at {@code at}, if it carries our magic; says nothing about the payload. */
    public Header header(byte[] src, int at) {
        if ((long) LONG.get(src, at) != MAGIC) {
            return null;
        }
        Stamp stamp = new Stamp((long) LONG.get(src, at + 16), (int) INT.get(src, at + 24), (long) LONG.get(src, at + 32),
                (int) INT.get(src, at + 28));
        return new Header(stamp, (short) SHORT.get(src, at + 8), (int) INT.get(src, at + 12), (int) INT.get(src, at + CRC_AT));
    }

    /** Whether a full sector's CRC matches its content. */
    public boolean crcValid(byte[] src, int at) {
        return (int) INT.get(src, at + CRC_AT) == crc(src, at);
    }

    /** The magic and fields of a sector's header, as found; {@code version} and {@code sectorSize} as written. */
    public record Header(Stamp stamp, int version, int sectorSize, int crc) {
    }

    private int crc(byte[] src, int at) {
        CRC32C crc = new CRC32C();
        crc.update(src, at, CRC_AT);
        crc.update(src, at + HEADER, sectorSize - HEADER);
        return (int) crc.getValue();
    }

    static long seed(Stamp stamp) {
        long h = stamp.runId() * 0x9E3779B97F4A7C15L;
        h ^= (stamp.fileId() & 0xFFFFFFFFL) * 0xC2B2AE3D27D4EB4FL;
        h ^= stamp.offset() * 0x165667B19E3779F9L;
        h ^= (stamp.generation() & 0xFFFFFFFFL) * 0x27D4EB2F165667C5L;
        h ^= h >>> 29;
        return h == 0 ? 0x9E3779B97F4A7C15L : h;
    }

    /**
     * Four interleaved xorshift64 streams, one per 8-byte lane of each 32-byte block: independent
     * chains the CPU runs side by side, several times faster than one chain of the same length.
     */
    private static void fillPayload(Lanes x, byte[] dst, int at, int length) {
        int end = at + length;
        for (int i = at; i + 32 <= end; i += 32) {
            x.next();
            LONG.set(dst, i, x.a);
            LONG.set(dst, i + 8, x.b);
            LONG.set(dst, i + 16, x.c);
            LONG.set(dst, i + 24, x.d);
        }
    }

    /** The four xorshift64 streams of a payload, stepped together; short-lived, so the JIT keeps it in registers. */
    private static final class Lanes {
        long a;
        long b;
        long c;
        long d;

        Lanes(long seed) {
            this(lane(seed, 1), lane(seed, 2), lane(seed, 3), lane(seed, 4));
        }

        Lanes(long a, long b, long c, long d) {
            this.a = a;
            this.b = b;
            this.c = c;
            this.d = d;
        }

        void next() {
            a = step(a);
            b = step(b);
            c = step(c);
            d = step(d);
        }
    }

    /** The start state of lane {@code k}: the seed mixed with the lane number, never zero. */
    static long lane(long seed, int k) {
        long z = seed + k * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return z == 0 ? k : z;
    }
}
