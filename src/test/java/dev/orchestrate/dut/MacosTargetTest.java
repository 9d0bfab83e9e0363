package dev.orchestrate.dut;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.device.Candidate;
import dev.orchestrate.device.Media;
import dev.orchestrate.device.PropertyList;
import dev.orchestrate.engine.Catalog;
import dev.orchestrate.host.Platform;
import dev.orchestrate.outcome.NotRunnable;
import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.process.Outcome;
import dev.orchestrate.process.Runner;
import dev.orchestrate.process.Runners;
import dev.orchestrate.report.Evidence;
import dev.orchestrate.suite.InvalidSuite;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Size;
import dev.orchestrate.suite.Suite;
import dev.orchestrate.trace.Op;
import dev.orchestrate.trace.Record;
import dev.orchestrate.trace.TraceReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The macOS targets with diskutil, ioreg and hdiutil answered from fixtures/macos: what they look
 * at, what they change, what they refuse.
 */
class MacosTargetTest {

    private static final Path MACOS = Path.of("fixtures/macos");
    private static final String RAID = "  disk: disk5\n  media-name: RAID R8\n  size: 65999999991808\n"
            + "  serial: GR8A2419000731\n  protocol: SCSI\n";

    /** The identity the device attaches is not what these tests look at. */
    private static final Evidence NO_EVIDENCE = (name, mediaType, extension, content) -> { };

    @TempDir
    Path dir;

    private final List<List<String>> looked = new ArrayList<>();
    private final List<List<String>> changed = new ArrayList<>();

    @Test
    void theRaidBoxIsIdentifiedThenOnlyTheRunsRegionIsZeroedThroughTheRawNode() throws IOException {
        MacosTarget target = target(RAID, Map.of("diskutil info -plist disk5", "diskutil-info-disk5-raid-scsi.plist"));
        target.prepare();
        assertEquals(List.of(List.of("diskutil", "info", "-plist", "disk5"), List.of("diskutil", "list", "-plist"),
                List.of("ioreg", "-a", "-l", "-r", "-c", "IOSCSIParallelInterfaceController")), looked);
        assertEquals(List.of(List.of("dd", "if=/dev/zero", "of=/dev/rdisk5", "bs=1m", "count=2")), changed);
        Device device = target.open(suite(RAID).cells().getFirst(), dir, NO_EVIDENCE);
        assertTrue(device.readRaw(device.place(1)).description()
                .startsWith("read through the driver under test: /dev/rdisk5, the raw node"));
    }

    @Test
    void aFileSystemIsASmallGptPartitionMadeWithDiskutil() throws IOException {
        MacosTarget target = target(RAID + "  file-system: jhfs+\n",
                Map.of("diskutil info -plist disk5", "diskutil-info-disk5-raid-scsi.plist"));
        target.prepare();
        assertEquals(List.of(List.of("diskutil", "partitionDisk", "disk5", "2", "GPT", "JHFS+", "ORCHDEF012", "67108864B",
                "Free Space", "FREE", "R")), changed);
        target.unmount();
        target.eject();
        assertEquals(List.of("diskutil", "unmount", "/Volumes/ORCHDEF012"), changed.get(1));
        assertEquals(List.of("diskutil", "eject", "disk5"), changed.get(2));
        assertTrue(assertThrows(RigBroken.class, target::mount).getMessage().contains("was ejected"));
    }

    @Test
    void withAFileSystemEachCellsIoOnTheDiskIsRecordedForItsCommandLog() throws IOException {
        MacosTarget target = target(RAID + "  file-system: jhfs+\n", Map.of(
                "diskutil info -plist disk5", "diskutil-info-disk5-raid-scsi.plist",
                "diskutil info -plist disk5s1", "diskutil-info-disk5s1-efi.plist",
                "diskutil info -plist disk5s2", "diskutil-info-disk5s2-partition.plist",
                "fs_usage -w -f diskio -f filesys", "fs_usage-diskio-disk5.txt"));
        target.prepare();
        looked.clear();
        changed.clear();
        Device device = target.open(suite(RAID).cells().getFirst(), dir, NO_EVIDENCE);
        assertEquals(List.of(List.of("diskutil", "list", "-plist"), List.of("diskutil", "info", "-plist", "disk5s1"),
                List.of("diskutil", "info", "-plist", "disk5s2")), looked, "the partitions' offsets, by looking only");
        assertEquals(List.of(List.of("fs_usage", "-w", "-f", "diskio", "-f", "filesys")), changed,
                "through the runner a dry run prints instead: it takes the host's kernel trace facility");
        CommandLogged log = device.commandLogged().orElseThrow();
        log.markStep("copy");
        List<Record> records = TraceReader.read(log.commandLog()).records();
        assertEquals(13, records.size(), "the fixture's 12 commands of disk5 and the mark");
        assertTrue(records.stream().anyMatch(r -> r.op() == Op.WRITE && r.offset() == 209735680 + 0xa000 * 512L), records.toString());
        device.close(true, List.of());
        assertTrue(Files.exists(dir.resolve(FsUsageRecorder.RAW)));
    }

    @Test
    void aRawTargetOrCommandLogNoneRecordsNothing() throws IOException {
        Map<String, String> info = Map.of("diskutil info -plist disk5", "diskutil-info-disk5-raid-scsi.plist");
        List<String> notes = new ArrayList<>();
        Evidence evidence = (name, mediaType, extension, content) -> notes.add(name + ": " + new String(content, UTF_8));
        MacosTarget raw = target(RAID, info);
        raw.prepare();
        assertTrue(raw.open(suite(RAID).cells().getFirst(), dir, evidence).commandLogged().isEmpty());
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("command log: not recorded: fs_usage sees the I/O the BSD layer sends"
                + " through a disk's block nodes, and the raw node /dev/rdisk5 sends")), notes.toString());
        MacosTarget none = target(RAID + "  file-system: jhfs+\n  command-log: none\n", info);
        none.prepare();
        changed.clear();
        assertTrue(none.open(suite(RAID).cells().getFirst(), dir, NO_EVIDENCE).commandLogged().isEmpty());
        assertEquals(List.of(), changed);
    }

    @Test
    void theInternalDiskAndAMismatchAreRefusedBeforeAnythingChanges() throws IOException {
        MacosTarget internal = target(RAID.replace("disk5", "disk0"),
                Map.of("diskutil info -plist disk0", "diskutil-info-disk0-internal-ssd.plist"));
        RigBroken e = assertThrows(RigBroken.class, internal::prepare);
        assertTrue(e.getMessage().contains("disk0 is an internal disk"), e.getMessage());
        assertTrue(e.getMessage().contains("disk0 says its serial number is nothing"), e.getMessage());
        MacosTarget kext = target(RAID, Map.of("diskutil info -plist disk5", "diskutil-info-disk5-raid-fibre-channel.plist"));
        e = assertThrows(RigBroken.class, kext::prepare);
        assertTrue(e.getMessage().contains("says its protocol is 'Fibre Channel Interface' but the suite expects 'SCSI'"), e.getMessage());
        assertEquals(List.of(), changed);
    }

    @Test
    void aRamDiskIsAttachedCheckedAndDetached() throws IOException {
        MacosTarget ram = target("", Map.of("diskutil info -plist disk8", "diskutil-info-disk8-ramdisk.plist"), "macos-ramdisk");
        ram.prepare();
        ram.close();
        assertEquals(List.of(List.of("hdiutil", "attach", "-nomount", "ram://2097152"),
                List.of("dd", "if=/dev/zero", "of=/dev/rdisk8", "bs=1m", "count=2"),
                List.of("hdiutil", "detach", "disk8")), changed);
    }

    @Test
    void aDryRunPrintsEveryChangeAndRunsNone() throws IOException {
        StringWriter printed = new StringWriter();
        Suite suite = suite("", "macos-ramdisk");
        MacosTarget ram = MacosTarget.open(suite.targets().getFirst(),
                new Runners(fake(Map.of(), looked), Runner.printing(new PrintWriter(printed, true))),
                Layout.of(Catalog.needs(suite)), Platform.MACOS, "abcdef012");
        ram.prepare();
        ram.close();
        assertEquals("""
                dry run: would run $ hdiutil attach -nomount ram://2097152
                dry run: would run $ dd if=/dev/zero of=/dev/rdiskN bs=1m count=2
                dry run: would run $ hdiutil detach diskN
                """, printed.toString());
        assertEquals(List.of(), looked, "a RAM disk that was not attached has nothing to look at");
    }

    @Test
    void aDryRunPrintsTheRecordingAndKeepsNoLog() throws IOException {
        StringWriter printed = new StringWriter();
        Suite suite = suite(RAID + "  file-system: jhfs+\n");
        MacosTarget target = MacosTarget.open(suite.targets().getFirst(),
                new Runners(fake(Map.of("diskutil info -plist disk5", "diskutil-info-disk5-raid-scsi.plist",
                        "diskutil list -plist", "diskutil-list.plist",
                        "ioreg -a -l -r -c IOSCSIParallelInterfaceController", "ioreg-controller-dext.plist"), looked),
                        Runner.printing(new PrintWriter(printed, true))), Layout.of(Catalog.needs(suite)), Platform.MACOS, "abcdef012");
        target.prepare();
        assertTrue(target.open(suite.cells().getFirst(), dir, NO_EVIDENCE).commandLogged().isEmpty());
        assertTrue(printed.toString().endsWith("dry run: would run $ fs_usage -w -f diskio -f filesys\n"), printed.toString());
    }

    @Test
    void onLinuxAMacTargetIsNotRunnableHere() throws IOException {
        Suite suite = suite(RAID, "macos-disk");
        MacosTarget target = MacosTarget.open(suite.targets().getFirst(), new Runners(fake(Map.of(), looked), fake(Map.of(), changed)),
                Layout.of(Catalog.needs(suite)), Platform.LINUX, "abcdef012");
        assertEquals("macos-disk: macOS only", assertThrows(NotRunnable.class, target::prepare).getMessage());
        assertEquals(List.of(), looked);
    }

    @Test
    void onAMacARefusedDiskIsFoundBeforeTheRunByLookingOnly() throws IOException {
        assertEquals(List.of(), deviceProblems(RAID, "diskutil-info-disk5-raid-scsi.plist", Platform.MACOS));
        assertEquals(List.of(List.of("diskutil", "info", "-plist", "disk5"), List.of("diskutil", "list", "-plist"),
                List.of("ioreg", "-a", "-l", "-r", "-c", "IOSCSIParallelInterfaceController")), looked);
        List<String> internal = deviceProblems(RAID.replace("disk5", "disk0"), "diskutil-info-disk0-internal-ssd.plist", Platform.MACOS);
        assertTrue(internal.contains("macos-disk disk0 refused (internal): disk0 is an internal disk; internal disks are never written,"
                + " whatever the suite says: attach the disk under test externally"), internal.toString());
        assertEquals(List.of("macos-disk disk5 refused (mismatch): disk5 says its protocol is 'Fibre Channel Interface'"
                        + " but the suite expects 'SCSI'; check that disk5 is the disk under test"),
                deviceProblems(RAID, "diskutil-info-disk5-raid-fibre-channel.plist", Platform.MACOS));
        assertTrue(deviceProblems(RAID, "diskutil-info-truncated.plist", Platform.MACOS).getFirst().startsWith("macos-disk disk5: "),
                "a truncated answer names the disk and says why");
        assertEquals(List.of(), changed, "nothing is changed to find out");
    }

    @Test
    void aControllerClassIoregFindsNoneOfIsARefusalBeforeTheRunNotABrokenRig() throws IOException {
        Map<String, String> none = Map.of("diskutil info -plist disk5", "diskutil-info-disk5-raid-scsi.plist",
                "diskutil list -plist", "diskutil-list.plist", "ioreg -a -l -r -c IONVMeController", "ioreg-no-such-class.txt");
        Suite suite = suite(RAID + "  ioreg-class: IONVMeController\n");
        List<String> problems = Targets.deviceProblems(suite.targets().getFirst(), Catalog.needs(suite), Platform.MACOS,
                fake(none, looked));
        assertEquals(2, problems.size(), problems.toString());
        assertEquals("macos-disk disk5 refused (mismatch): disk5 says its serial number is nothing but the suite expects"
                + " 'GR8A2419000731'; check that disk5 is the disk under test", problems.get(0));
        assertTrue(problems.get(1).startsWith("macos-disk disk5 refused (no-controller): no controller of class IONVMeController"
                + " is attached: 'ioreg -a -l -r -c IONVMeController' printed nothing (classes tried: IONVMeController)"), problems.get(1));
        assertEquals(List.of(), changed);
    }

    @Test
    void elsewhereAMacDiskIsNotLookedAtBeforeTheRunWhichSkipsIt() throws IOException {
        assertEquals(List.of(), deviceProblems(RAID.replace("disk5", "disk0"), "diskutil-info-disk0-internal-ssd.plist", Platform.LINUX));
        assertEquals(List.of(), looked);
    }

    /**
     * The README's lab example: lab/raid.yaml as a --target file validates with the suite it names,
     * its identity keys are diskutil's values for the RAID box (and the registry's serial), and the
     * disk guard accepts that box under the DEXT's controller class.
     */
    @Test
    void theLabExampleIsTheRaidBoxAsDiskutilAndTheRegistryShowIt() throws Exception {
        Suite suite = Catalog.loader().withTarget(Path.of("lab/raid.yaml")).load(Path.of("suites/finder-vs-cli.yaml"));
        Options target = suite.targets().getFirst();
        assertEquals("macos-disk", target.text("kind"));
        Media media = Media.fromDiskutilInfo(PropertyList.parse(Files.readString(MACOS.resolve("diskutil-info-disk5-raid-scsi.plist")),
                "diskutil-info-disk5-raid-scsi.plist"), "diskutil-info-disk5-raid-scsi.plist");
        assertEquals(media.identifier(), target.text("disk"));
        assertEquals(media.mediaName(), target.text("media-name"), "diskutil's MediaName, not the registry's name");
        assertEquals(media.protocol(), target.text("protocol"));
        assertEquals(media.sizeBytes(), Size.parse(target.text("size")).bytes(), "diskutil's Size, not TotalSize");
        Map<String, String> answers = Map.of("diskutil info -plist disk5", "diskutil-info-disk5-raid-scsi.plist",
                "diskutil list -plist", "diskutil-list.plist",
                "ioreg -a -l -r -c IOUserSCSIParallelInterfaceController", "ioreg-controller-dext.plist");
        Candidate box = Diskutil.identify(fake(answers, looked), "disk5", target.text("ioreg-class"));
        assertEquals(box.identity().peripheral().serial(), target.text("serial"));
        assertEquals(List.of(), MacosKind.problems(target, fake(answers, looked), Layout.of(Catalog.needs(suite))));
    }

    private List<String> deviceProblems(String identity, String info, Platform host) throws IOException {
        Map<String, String> all = Map.of("diskutil info -plist " + (identity.contains("disk0") ? "disk0" : "disk5"), info,
                "diskutil list -plist", "diskutil-list.plist",
                "ioreg -a -l -r -c IOSCSIParallelInterfaceController", "ioreg-controller-dext.plist");
        Suite suite = suite(identity);
        return Targets.deviceProblems(suite.targets().getFirst(), Catalog.needs(suite), host, fake(all, looked));
    }

    private MacosTarget target(String identity, Map<String, String> fixtures) throws IOException {
        return target(identity, fixtures, "macos-disk");
    }

    private MacosTarget target(String identity, Map<String, String> fixtures, String kind) throws IOException {
        Map<String, String> all = new HashMap<>(fixtures);
        all.put("diskutil list -plist", "diskutil-list.plist");
        all.put("ioreg -a -l -r -c IOSCSIParallelInterfaceController", "ioreg-controller-dext.plist");
        all.put("hdiutil attach -nomount ram://2097152", "hdiutil-attach-ram.txt");
        Suite suite = suite(identity, kind);
        return MacosTarget.open(suite.targets().getFirst(), new Runners(fake(all, looked), fake(all, changed)),
                Layout.of(Catalog.needs(suite)), Platform.MACOS, "abcdef012");
    }

    /** Answers a command from its fixture (or with success and no output), recording its argv. */
    private static Runner fake(Map<String, String> fixtures, List<List<String>> record) {
        return command -> {
            record.add(command.argv());
            String fixture = fixtures.get(command.display());
            try {
                return new Outcome(command, 0, Duration.ZERO, fixture == null ? "" : Files.readString(MACOS.resolve(fixture)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private Suite suite(String identity) throws IOException {
        return suite(identity, "macos-disk");
    }

    private Suite suite(String identity, String kind) throws IOException {
        Path file = dir.resolve("mac.yaml");
        Files.writeString(file, "name: mac\ntarget:\n  kind: " + kind + "\n" + identity + "steps:\n"
                + "  - generate:\n      size: 1MiB\n      files: 2\n  - copy:\n      tool: dd\n  - verify\n");
        try {
            return Catalog.loader().load(file);
        } catch (InvalidSuite e) {
            throw new AssertionError(e.problems().toString(), e);
        }
    }
}
