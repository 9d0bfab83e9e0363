package dev.orchestrate.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.data.SectorClass;
import dev.orchestrate.data.SectorFormat;
import dev.orchestrate.data.Stamp;
import dev.orchestrate.data.StampedFile;
import dev.orchestrate.dut.Extent;
import dev.orchestrate.dut.ReadBack;
import dev.orchestrate.dut.Region;
import dev.orchestrate.dut.TrustedHost;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifierTest {

    private static final SectorFormat FORMAT = new SectorFormat(512);
    private static final StampedFile FILE = new StampedFile(9, 1001, 1, 64 * 1024, FORMAT);

    @TempDir
    Path dir;

    private Verdict verify(ReadBack at) throws IOException {
        return new Verifier(FORMAT, id -> "file-" + id % 1000 + ".bin").verify(List.of(new Expected(FILE, "file-1.bin", at)), done -> { });
    }

    private Path image(long offset) throws IOException {
        Path image = dir.resolve("disk.img");
        try (RandomAccessFile raf = new RandomAccessFile(image.toFile(), "rw")) {
            raf.setLength(offset + FILE.size() + (1 << 20));
        }
        try (RandomAccessFile raf = new RandomAccessFile(image.toFile(), "rw");
             OutputStream out = Channels.newOutputStream(raf.getChannel().position(offset))) {
            FILE.writeTo(out, done -> { });
        }
        return image;
    }

    private static void write(Path file, long at, byte[] bytes) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(at);
            raf.write(bytes);
        }
    }

    @Test
    void anIntactImagePasses() throws IOException {
        Verdict v = verify(ReadBack.raw(image(1 << 20), 1 << 20, 512));
        assertTrue(v.passed());
        assertEquals(128, v.counts().get(SectorClass.INTACT));
        assertEquals("all 128 sectors of 1 file intact", v.headline());
        assertTrue(v.readPath().contains("raw image"));
    }

    @Test
    void damageIsCollapsedIntoRangesWithFileOffsetAndLba() throws IOException {
        long base = 1 << 20;
        Path image = image(base);
        write(image, base + 8192, new byte[3 * 512]);
        write(image, base + 8192 + 3 * 512, FORMAT.expected(FILE.stampAt(0)));
        write(image, base + 32768, FORMAT.expected(new Stamp(9, 1001, 32768, 0)));
        Verdict v = verify(ReadBack.raw(image, base, 512));
        assertFalse(v.passed());
        assertEquals(3, v.ranges().size());
        DamagedRange zeros = v.ranges().get(0);
        assertEquals(SectorClass.ZEROS, zeros.kind());
        assertEquals(8192, zeros.start());
        assertEquals(8192 + 1536, zeros.end());
        assertEquals((base + 8192) / 512, zeros.lba());
        assertEquals("file-1.bin bytes 8,192..9,727 (LBA 2,064): zeros; expected file-1.bin offset 8,192 generation 1", zeros.describe());
        assertEquals(SectorClass.DUPLICATED, v.ranges().get(1).kind(), "offset 0 holds its sector too, so this one is a copy");
        assertEquals("copy of file-1.bin offset 0, which is also intact at its own place (LBA 2,048)", v.ranges().get(1).found());
        assertEquals(1, v.counts().get(SectorClass.DUPLICATED));
        assertEquals(null, v.counts().get(SectorClass.MISPLACED));
        assertEquals(SectorClass.STALE, v.ranges().get(2).kind());
        assertEquals("generation 0, expected 1", v.ranges().get(2).found());
        assertEquals("first bad byte at offset 8,192 of file-1.bin (LBA 2,064): found zeros, expected file-1.bin offset 8,192 "
                        + "generation 1; 3 damaged ranges, 2,560 bytes",
                v.headline());
        assertEquals(8192, v.first().offset());
        assertEquals(List.of(8192L, 8192L + 1536, 32768L), v.samples().stream().map(Verdict.Sample::offset).toList(),
                "one sample per damaged range");
    }

    @Test
    void holesOfASparseSourceAreIntactUnmappedOrZerosAndAnythingElseIsNamed() throws IOException {
        StampedFile sparse = new StampedFile(9, 1001, 1, 3 << 20, FORMAT, true);
        Path file = dir.resolve("sparse.bin");
        sparse.writeTo(file, done -> { });
        Verifier verifier = new Verifier(FORMAT, id -> "sparse.bin");
        // read through the file: the hole reads zeros; mapped with only its data extents: the hole is unmapped
        assertTrue(verifier.verify(List.of(new Expected(sparse, "sparse.bin", ReadBack.file(file))), done -> { }).passed());
        List<Extent> data = List.of(new Extent(0, 0, 1 << 20), new Extent(2 << 20, 2 << 20, 1 << 20));
        assertTrue(verifier.verify(List.of(new Expected(sparse, "sparse.bin", ReadBack.mapped(file, data, 512))), done -> { }).passed());
        write(file, (1 << 20) + 4096, FORMAT.expected(sparse.stampAt(0)));
        write(file, (1 << 20) + 8192, new byte[] {7, 7, 7});
        Verdict v = verifier.verify(List.of(new Expected(sparse, "sparse.bin", ReadBack.file(file))), done -> { });
        assertEquals(List.of(SectorClass.DUPLICATED, SectorClass.FOREIGN), v.ranges().stream().map(DamagedRange::kind).toList(), v.text());
        assertEquals("zeros: a hole of the source", v.ranges().get(1).expected());
        assertEquals("foreign data (no stamp; 3 bytes differ)", v.ranges().get(1).found());
    }

    @Test
    void aSectorWhoseOwnPlaceDoesNotHoldItIsMisplaced() throws IOException {
        long base = 1 << 20;
        Path image = image(base);
        write(image, base + 8192, FORMAT.expected(FILE.stampAt(4096)));
        write(image, base + 4096, new byte[512]);
        Verdict v = verify(ReadBack.raw(image, base, 512));
        assertEquals(List.of(SectorClass.ZEROS, SectorClass.MISPLACED), v.ranges().stream().map(DamagedRange::kind).toList(), v.text());
        assertEquals("sector of file-1.bin offset 4,096", v.ranges().get(1).found());
        assertFalse(v.originsCapped());
    }

    @Test
    void copiesAreCheckedAtTheirOwnPlaceOnlyUpToTheCap() throws IOException {
        StampedFile big = new StampedFile(9, 1001, 1, 1 << 20, FORMAT);
        Path file = dir.resolve("big.bin");
        big.writeTo(file, done -> { });
        // every odd sector holds a copy of the even one before it: 1,024 ranges, each with a stamp of its own
        for (long at = 512; at < big.size(); at += 1024) {
            write(file, at, FORMAT.expected(big.stampAt(at - 512)));
        }
        Verdict v = new Verifier(FORMAT, id -> "big.bin").verify(List.of(new Expected(big, "big.bin", ReadBack.file(file))), done -> { });
        assertTrue(v.originsCapped());
        assertEquals(256, v.counts().get(SectorClass.DUPLICATED));
        assertEquals(1024 - 256, v.counts().get(SectorClass.MISPLACED), "the unchecked ones stay misplaced");
        assertTrue(v.text().contains("checked for a copy at their own place: the first 256"), v.text());
    }

    @Test
    void theRegionScanFindsTheRunsSectorsOutsideTheFilesAndNamesEach() throws IOException {
        long base = 1 << 20;
        Path image = image(base);
        write(image, base + 8192, new byte[512]);
        // a copy of offset 0 (intact at home), the sector of offset 8,192 (zeros at home), an older generation
        write(image, 3 << 20, FORMAT.expected(FILE.stampAt(0)));
        write(image, (3 << 20) + 65536, FORMAT.expected(FILE.stampAt(8192)));
        write(image, (3 << 20) + 131072, FORMAT.expected(new Stamp(9, 1001, 512, 0)));
        // a sector of another run is nobody's business here
        write(image, (3 << 20) + 196608, FORMAT.expected(new Stamp(8, 1001, 0, 1)));
        Verdict v = new Verifier(FORMAT, id -> "file-" + id % 1000 + ".bin")
                .verify(List.of(new Expected(FILE, "file-1.bin", ReadBack.raw(image, base, 512))),
                        new Region(image, 0, 4 << 20, 512, "test region"), done -> { });
        Strays strays = v.strays();
        assertEquals(3, strays.sectors(), v.text());
        assertEquals(List.of(SectorClass.DUPLICATED, SectorClass.MISPLACED, SectorClass.STALE),
                strays.ranges().stream().map(Stray::kind).toList());
        assertEquals("LBA 6,144..6,144: file-1.bin bytes 0..511 generation 1; its own place (LBA 2,048) holds it too: duplicated",
                strays.ranges().get(0).describe());
        assertEquals("LBA 6,272..6,272: file-1.bin bytes 8,192..8,703 generation 1; its own place (LBA 2,064) does not hold it: misplaced",
                strays.ranges().get(1).describe());
        assertEquals((3 << 20) + 65536 - (base + 8192), strays.ranges().get(1).displacement());
        assertTrue(v.text().contains("stamped sectors outside the files: 3, in 3 ranges (misplaced 1, duplicated 1, stale 1)"), v.text());
        assertEquals(List.of(SectorClass.ZEROS), v.ranges().stream().map(DamagedRange::kind).toList(),
                "strays are evidence, the file's own damage is the failure");
    }

    @Test
    void aStraySectorBeyondHolesLargerThanAChunkIsFound() throws IOException {
        long base = 1 << 20;
        Path image = image(base);
        long far = 48L << 20;
        write(image, far + 4096, FORMAT.expected(FILE.stampAt(512)));
        try (RandomAccessFile raf = new RandomAccessFile(image.toFile(), "rw")) {
            raf.setLength(64L << 20);
        }
        Verdict v = new Verifier(FORMAT, id -> "file-1.bin", 2)
                .verify(List.of(new Expected(FILE, "file-1.bin", ReadBack.raw(image, base, 512))),
                        new Region(image, 0, 64L << 20, 512, "test region"), done -> { });
        assertEquals(1, v.strays().sectors(), v.text());
        assertEquals(far + 4096, v.strays().ranges().getFirst().start());
    }

    @Test
    void straysJustOutsideAFileOfManyChunksAreFoundAroundTheChunksItFills() throws IOException {
        StampedFile big = new StampedFile(9, 1002, 1, 3 << 20, FORMAT);
        long base = 1 << 20;
        Path image = dir.resolve("big.img");
        try (RandomAccessFile raf = new RandomAccessFile(image.toFile(), "rw")) {
            raf.setLength(8L << 20);
        }
        try (RandomAccessFile raf = new RandomAccessFile(image.toFile(), "rw");
             OutputStream out = Channels.newOutputStream(raf.getChannel().position(base))) {
            big.writeTo(out, done -> { });
        }
        write(image, base - 512, FORMAT.expected(big.stampAt(4096)));
        write(image, base + big.size(), FORMAT.expected(big.stampAt(8192)));
        Verdict v = new Verifier(FORMAT, id -> "big.bin", 2)
                .verify(List.of(new Expected(big, "big.bin", ReadBack.raw(image, base, 512))),
                        new Region(image, 0, 8L << 20, 512, "test region"), done -> { });
        assertEquals(List.of(), v.ranges(), v.text());
        assertEquals(List.of(base - 512, base + big.size()), v.strays().ranges().stream().map(Stray::start).toList(), v.text());
    }

    @Test
    void strayRangesRunOnAcrossSlicesAndAnIntactFileStillPasses() throws IOException {
        long base = 1 << 20;
        Path image = image(base);
        byte[] run = new byte[16 * 512];
        for (int i = 0; i < 16; i++) {
            FORMAT.encode(FILE.stampAt(i * 512L), run, i * 512);
        }
        write(image, (2 << 20) - 8 * 512, run);
        Verdict v = new Verifier(FORMAT, id -> "file-1.bin", 4)
                .verify(List.of(new Expected(FILE, "file-1.bin", ReadBack.raw(image, base, 512))),
                        new Region(image, 0, 4 << 20, 512, "test region"), done -> { });
        assertTrue(v.passed(), v.text());
        assertEquals(1, v.strays().ranges().size(), v.text());
        assertEquals(16, v.strays().sectors());
        assertEquals(SectorClass.DUPLICATED, v.strays().ranges().getFirst().kind());
        assertEquals((2 << 20) + 8 * 512, v.strays().ranges().getFirst().end());
    }

    @Test
    void slicesScannedInParallelJoinARangeThatCrossesTheirBoundary() throws IOException {
        StampedFile big = new StampedFile(9, 1001, 1, 4 << 20, FORMAT);
        Path file = dir.resolve("big.bin");
        big.writeTo(file, done -> { });
        write(file, (1 << 20) - 4096, new byte[8192]);
        write(file, (3 << 20) + 512, new byte[512]);
        long[] progress = {0};
        Verdict v = new Verifier(FORMAT, id -> "big.bin", 4).verify(List.of(new Expected(big, "big.bin", ReadBack.file(file))),
                done -> progress[0] = Math.max(progress[0], done));
        assertEquals(2, v.ranges().size(), v.text());
        assertEquals((1 << 20) - 4096, v.ranges().get(0).start());
        assertEquals((1 << 20) + 4096, v.ranges().get(0).end(), "one range across the 1 MiB slice boundary");
        assertEquals(17, v.counts().get(SectorClass.ZEROS));
        assertEquals(big.size(), progress[0]);
        assertEquals(2, v.samples().size());
    }

    @Test
    void aFileReadThroughTheFileSystemHasNoLba() throws IOException {
        Path file = dir.resolve("file-1.bin");
        FILE.writeTo(file, done -> { });
        write(file, 4096, new byte[512]);
        Verdict v = verify(ReadBack.file(file));
        assertEquals("file-1.bin bytes 4,096..4,607: zeros; expected file-1.bin offset 4,096 generation 1",
                v.ranges().getFirst().describe());
        assertTrue(v.readPath().contains("file system"));
    }

    @Test
    void aMappedFileIsReadThroughItsExtentsAndUnmappedRangesAreMissing() throws IOException {
        Path media = dir.resolve("media.img");
        try (RandomAccessFile raf = new RandomAccessFile(media.toFile(), "rw")) {
            raf.setLength(4 << 20);
        }
        byte[] all = new byte[(int) FILE.size()];
        try (var out = new ByteArrayOutputStream()) {
            FILE.writeTo(out, done -> { });
            all = out.toByteArray();
        }
        // the first 32 KiB at 1 MiB, the next 16 KiB at 3 MiB, the last 16 KiB never allocated
        write(media, 1 << 20, Arrays.copyOfRange(all, 0, 32768));
        write(media, 3 << 20, Arrays.copyOfRange(all, 32768, 49152));
        Verdict v = verify(ReadBack.mapped(media, List.of(new Extent(0, 1 << 20, 32768), new Extent(32768, 3 << 20, 16384)), 512));
        assertEquals(1, v.ranges().size(), v.text());
        DamagedRange missing = v.ranges().getFirst();
        assertEquals(SectorClass.MISSING, missing.kind());
        assertEquals(49152, missing.start());
        assertEquals(65536, missing.end());
        assertTrue(v.readPath().contains("extent map"));
        assertEquals((3 << 20) / 512 + 8, ReadBack.mapped(media, List.of(new Extent(32768, 3 << 20, 16384)), 512).lba(32768 + 4096));
    }

    @Test
    void aShortFileIsMissingItsTail() throws IOException {
        Path file = dir.resolve("file-1.bin");
        FILE.writeTo(file, done -> { });
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(60 * 1024);
        }
        Verdict v = verify(ReadBack.file(file));
        assertEquals(1, v.ranges().size());
        assertEquals(SectorClass.MISSING, v.ranges().getFirst().kind());
        assertEquals(60 * 1024, v.ranges().getFirst().start());
    }

    @Test
    void aFileEndingInsideASectorCountsThatSectorMissing() throws IOException {
        SectorFormat small = new SectorFormat(512);
        Path path = dir.resolve("short.bin");
        new StampedFile(1, 1001, 1, (3 << 20) + 1000, small).writeTo(path, done -> { });
        StampedFile expected = new StampedFile(1, 1001, 1, 4 << 20, small);
        Verdict v = new Verifier(small, id -> "short.bin", 2).verify(List.of(new Expected(expected, "short.bin", ReadBack.file(path))),
                done -> { });
        // the partly written sector at 3 MiB + 512 counts as missing, as does every sector after it
        long missing = ((4L << 20) - (3L << 20) - 512) / 512;
        assertEquals(Map.of(SectorClass.INTACT, (3L << 20) / 512 + 1, SectorClass.MISSING, missing), v.counts());
    }

    @Test
    void aFileThatKeptAnOldLongerTailIsCaught() throws IOException {
        Path file = dir.resolve("file-1.bin");
        FILE.writeTo(file, done -> { });
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(FILE.size() + 10_000);
        }
        Verdict v = verify(ReadBack.file(file));
        assertFalse(v.passed());
        DamagedRange tail = v.ranges().getFirst();
        assertEquals(SectorClass.EXTRA, tail.kind());
        assertEquals("file-1.bin bytes 65,536..75,535: 10,000 bytes past the end (the file is 75,536 bytes long); "
                        + "expected the file to end at 65,536 bytes",
                tail.describe());
    }

    @Test
    void anAbsentFileIsAllMissing() throws IOException {
        Verdict v = verify(ReadBack.file(dir.resolve("never-copied.bin")));
        assertEquals(FILE.size(), v.damagedBytes());
        assertEquals(128, v.counts().get(SectorClass.MISSING));
        assertTrue(Files.notExists(dir.resolve("never-copied.bin")));
    }

    /** A stand-in for ssh that serves dd's ranges from {@code image}, or fails as an unreachable host does. */
    private TrustedHost fakeSsh(Path image, boolean reachable) throws IOException {
        Path script = dir.resolve(reachable ? "ssh" : "ssh-down");
        Files.writeString(script, reachable ? """
                #!/bin/bash
                echo "$*" >> "%s"
                while [ "$1" = -o ]; do shift 2; done
                shift 2
                a=(); for x in "$@"; do case $x in if=*) a+=("if=%s");; iflag=*) ;; *) a+=("$x");; esac; done
                exec dd "${a[@]}" status=none
                """.formatted(dir.resolve("ssh-calls.log"), image)
                : "#!/bin/sh\necho 'ssh: connect to host trusted port 22: Connection refused' >&2\nexit 255\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return new TrustedHost("lab@trusted", "/dev/sdc", List.of(script.toString(), "-o", "ControlMaster=auto"), Duration.ofSeconds(30));
    }

    @Test
    void aTrustedHostReadsAFileInAFewWindowsNotOneSshPerMiB() throws IOException {
        StampedFile big = new StampedFile(9, 1001, 1, 40L << 20, FORMAT);
        Path image = dir.resolve("big.img");
        try (RandomAccessFile raf = new RandomAccessFile(image.toFile(), "rw");
             OutputStream out = Channels.newOutputStream(raf.getChannel())) {
            big.writeTo(out, done -> { });
        }
        Verdict v = new Verifier(FORMAT, id -> "big.bin", 1).verify(List.of(new Expected(big, "big.bin",
                ReadBack.trusted(fakeSsh(image, true), 0, 512))), done -> { });
        assertTrue(v.passed(), v.text());
        List<String> calls = Files.readAllLines(dir.resolve("ssh-calls.log"));
        assertEquals(2, calls.size(), "40 MiB in windows of 32 MiB: " + calls);
        assertTrue(calls.getFirst().startsWith("-o ControlMaster=auto lab@trusted dd"), calls.getFirst());
    }

    @Test
    void aTrustedHostStreamsOnlyTheFilesRangesAndTheVerdictMatchesALocalRead() throws IOException {
        long base = 1 << 20;
        Path image = image(base);
        write(image, base + 8192, new byte[3 * 512]);
        Verdict local = verify(ReadBack.raw(image, base, 512));
        Verdict remote = verify(ReadBack.trusted(fakeSsh(image, true), base, 512));
        assertEquals(local.counts(), remote.counts());
        assertEquals(local.ranges(), remote.ranges());
        assertTrue(remote.readPath().startsWith("read through a trusted host: "), remote.readPath());
        assertTrue(remote.readPath().contains(" lab@trusted dd if=/dev/sdc iflag=direct"), remote.readPath());
    }

    @Test
    void aTrustedHostThatCannotBeReachedBreaksTheRigNamingTheCommandAndExitCode() throws IOException {
        Path image = image(0);
        IOException e = assertThrows(IOException.class, () -> verify(ReadBack.trusted(fakeSsh(image, false), 0, 512)));
        assertTrue(e.getMessage().matches("reading through the trusted host: "
                + "'\\S+/ssh-down -o ControlMaster=auto lab@trusted dd if=/dev/sdc bs=512 skip=0 count=128 iflag=direct'"
                + " exited with 255: ssh: connect to host trusted port 22: Connection refused; .*"), e.getMessage());
    }

    @Test
    void theTrustedHostsCommandReadsTheRawNodeOnAMacAndWithODirectOnLinux() {
        TrustedHost mac = TrustedHost.parse("ssh://lab@kext-mac:2222/dev/disk5");
        String shared = " -o ControlMaster=auto -o ControlPath=/tmp/orchestrate-ssh-%C -o ControlPersist=60";
        assertEquals("ssh -o BatchMode=yes -o ConnectTimeout=15" + shared
                        + " -p 2222 lab@kext-mac dd if=/dev/rdisk5 bs=4096 skip=256 count=2",
                mac.read(1 << 20, 8192, 4096).display());
        assertEquals("ssh -o BatchMode=yes -o ConnectTimeout=15" + shared + " lab@linux dd if=/dev/sdc bs=512 skip=0 count=1 iflag=direct",
                TrustedHost.parse("ssh://lab@linux/dev/sdc").read(0, 512, 512).display());
        assertEquals(null, TrustedHost.parse("ssh://lab@linux/home/x"));
        assertEquals(null, TrustedHost.parse("scp://lab@linux/dev/sdc"));
    }
}
