package dev.orchestrate.dut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.device.FakeSysfs;
import dev.orchestrate.device.LinuxDisks;
import dev.orchestrate.engine.Catalog;
import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.process.Command;
import dev.orchestrate.process.Outcome;
import dev.orchestrate.process.Runners;
import dev.orchestrate.suite.InvalidSuite;
import dev.orchestrate.suite.Suite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The linux-block target on a fake sysfs: which disks it refuses, and what it runs. No device is opened. */
class LinuxBlockTargetTest {

    private static final String SDC = "model: RAID R8\n  serial: naa.6001b4d0c8a2419000731\n  size: 65999999598592";

    @TempDir
    Path dir;

    private LinuxDisks disks;

    @BeforeEach
    void fakeSysfs() throws IOException {
        disks = FakeSysfs.vm(Files.createDirectories(dir.resolve("sys")), Path.of("fixtures/linux/mountinfo-vm.txt"));
    }

    @Test
    void theNamedDiskWithItsIdentityMayBeWritten() throws IOException {
        assertEquals(List.of(), problems("/dev/sdc", SDC));
    }

    @Test
    void everyUnsafeDiskIsRefusedByRuleWithWhatToDo() throws IOException {
        assertTrue(problems("/dev/sdc", SDC.replace("naa.6001b4d0c8a2419000731", "naa.5000c500a1b2c3d4")).getFirst()
                .startsWith("linux-block /dev/sdc refused (mismatch): sdc says its serial number is 'naa.6001b4d0c8a2419000731'"));
        assertEquals(List.of("linux-block /dev/sdc refused (unnamed): the suite does not give the expected media name of sdc;"
                + " add model: 'RAID R8' if sdc is the disk under test"), problems("/dev/sdc", SDC.replace("model: RAID R8\n  ", "")));
        assertEquals(List.of("mismatch", "system"), rules("/dev/vda", "model: x\n  serial: vm-root-0001\n  size: 21474836480"));
        assertEquals(List.of("mounted"), rules("/dev/sdb", "model: Extreme Pro\n  serial: AA010417161548431583\n  size: 30752000000"));
        assertEquals(List.of(), problems("/dev/sdb",
                "model: Extreme Pro\n  serial: AA010417161548431583\n  size: 30752000000\n  may-unmount: yes"));
        assertEquals(List.of("mounted", "partition"),
                rules("/dev/sdb1", "model: Extreme Pro\n  serial: AA010417161548431583\n  size: 30752000000"));
        assertEquals(List.of("in-use"), rules("/dev/sdd", "model: ST1000NM0033\n  serial: naa.5000c500a1b2c3d4\n  size: 1000204886016"));
        assertEquals(List.of("read-only"), rules("/dev/sde", "model: WORM\n  serial: naa.5000c500a1b2c3ff\n  size: 1GiB"));
        assertEquals(List.of("linux-block /dev/sdz: no block device 'sdz' under " + dir.resolve("sys/block")
                        + "; lsblk lists the names this host has"),
                problems("/dev/sdz", SDC));
    }

    @Test
    void aDiskTooSmallForTheCellsIsRefused() throws IOException {
        List<String> problems = problems("/dev/sde", "model: WORM\n  serial: naa.5000c500a1b2c3ff\n  size: 1GiB", "600MiB", 2);
        assertEquals("linux-block /dev/sde holds 1,073,741,824 bytes but the suite's cells need 1,258,291,200; use a larger disk"
                + " or fewer or smaller files", problems.getLast());
    }

    @Test
    void preparingChecksAgainAndUnmountsOnlyWhatTheSuiteAllows() throws IOException {
        List<Command> changes = new ArrayList<>();
        Runners recording = new Runners(c -> { throw new AssertionError("linux-block looks only at sysfs, it runs nothing to look"); },
                c -> {
                    changes.add(c);
                    return new Outcome(c, 0, Duration.ZERO, "");
                });
        Suite allowed = suite("/dev/sdb", "model: Extreme Pro\n  serial: AA010417161548431583\n  size: 30752000000\n  may-unmount: yes",
                "1MiB", 1);
        LinuxBlockTarget target = LinuxBlockTarget.open(allowed.targets().getFirst(), disks, recording, Layout.of(Catalog.needs(allowed)));
        target.prepare();
        assertEquals(List.of(List.of("umount", "/dev/sdb1")), changes.stream().map(Command::argv).toList());

        Suite notAllowed = suite("/dev/sdb", "model: Extreme Pro\n  serial: AA010417161548431583\n  size: 30752000000", "1MiB", 1);
        RigBroken e = assertThrows(RigBroken.class, () -> LinuxBlockTarget.open(notAllowed.targets().getFirst(), disks, recording,
                Layout.of(Catalog.needs(notAllowed))).prepare());
        assertTrue(e.getMessage().contains("sdb has mounted volumes (sdb1 on /mnt/lab data)"), e.getMessage());
        assertEquals(1, changes.size(), "nothing more was run for a refused disk");
    }

    @Test
    void filesLieAtLayoutOffsetsAndAreReadBackWithODirectThroughTheDriverUnderTest() throws IOException {
        Suite suite = suite("/dev/sdc", SDC, "3MiB", 2);
        LinuxBlockTarget target = LinuxBlockTarget.open(suite.targets().getFirst(), disks, Runners.LIVE, Layout.of(Catalog.needs(suite)));
        var cell = suite.cells().getFirst();
        Device device = target.open(cell, dir, (name, mediaType, extension, content) -> { });
        assertEquals(new Placement(Path.of("/dev/sdc"), 3 << 20, 512), device.place(2));
        ReadBack.Raw back = assertInstanceOf(ReadBack.Raw.class, device.readBack(2, "file-2.bin"));
        assertTrue(back.direct());
        assertEquals(3 << 20, back.base());
        assertTrue(back.description().startsWith("read through the driver under test: /dev/sdc with O_DIRECT"), back.description());
        assertTrue(device.region(false).describe().endsWith("(the cell's region of /dev/sdc, read through the driver under test)"));
    }

    @Test
    void aRebootOrPowerCutHandsTheHostTheSuitesCommandAndNothingIsDoneBeforehand() throws IOException, InvalidSuite {
        Path file = Files.writeString(dir.resolve("lab.yaml"), "name: lab\ntarget:\n  kind: linux-block\n  device: /dev/sdc\n  " + SDC
                + "\n  reboot-command: sudo  shutdown -r now\n  power-cut-command: pdu-ctl outlet 3 cycle\nsteps:\n"
                + "  - generate: {size: 1MiB}\n  - copy: {tool: dd}\n  - reboot\n  - power-cut\n  - verify\n");
        Suite suite = Catalog.loader().load(file);
        LinuxBlockTarget target = LinuxBlockTarget.open(suite.targets().getFirst(), disks, Runners.LIVE, Layout.of(Catalog.needs(suite)));
        assertTrue(target.endsProcess(Resumable.Boundary.REBOOT) && target.endsProcess(Resumable.Boundary.POWER_CUT));
        assertEquals(List.of("sudo", "shutdown", "-r", "now"), target.hostCommand(Resumable.Boundary.REBOOT).orElseThrow().argv());
        assertEquals("pdu-ctl outlet 3 cycle", target.hostCommand(Resumable.Boundary.POWER_CUT).orElseThrow().display());
    }

    @Test
    void afterTheRebootTheSameDiskGoesOnAndAnotherIsABrokenRigNotAVerdict() throws IOException {
        Suite same = suite("/dev/sdc", SDC, "1MiB", 1);
        LinuxBlockTarget.open(same.targets().getFirst(), disks, Runners.LIVE, Layout.of(Catalog.needs(same))).prepareForResume();

        Suite swapped = suite("/dev/sdc", SDC.replace("naa.6001b4d0c8a2419000731", "naa.5000c500a1b2c3d4"), "1MiB", 1);
        RigBroken e = assertThrows(RigBroken.class, () -> LinuxBlockTarget.open(swapped.targets().getFirst(), disks, Runners.LIVE,
                Layout.of(Catalog.needs(swapped))).prepareForResume());
        assertTrue(e.getMessage().startsWith("after the reboot, sdc is not the disk the run wrote before it:\n"
                + "  - sdc says its serial number is"
                + " 'naa.6001b4d0c8a2419000731' but the suite expects 'naa.5000c500a1b2c3d4'"), e.getMessage());
        assertTrue(e.getMessage().endsWith("so the cell has no verdict; check the disk and its cabling, then run the suite again"),
                e.getMessage());

        Suite gone = suite("/dev/sdz", SDC, "1MiB", 1);
        RigBroken missing = assertThrows(RigBroken.class, () -> LinuxBlockTarget.open(gone.targets().getFirst(), disks, Runners.LIVE,
                Layout.of(Catalog.needs(gone))).prepareForResume());
        assertTrue(missing.getMessage().startsWith("after the reboot, /dev/sdz cannot be looked at (no block device 'sdz' under "),
                missing.getMessage());
    }

    private List<String> rules(String device, String identity) throws IOException {
        return problems(device, identity).stream().map(p -> p.replaceFirst("^.* refused \\(([a-z-]+)\\).*$", "$1")).toList();
    }

    private List<String> problems(String device, String identity) throws IOException {
        return problems(device, identity, "1MiB", 1);
    }

    private List<String> problems(String device, String identity, String size, int files) throws IOException {
        Suite suite = suite(device, identity, size, files);
        return LinuxBlockTarget.problems(suite.targets().getFirst(), disks, Layout.of(Catalog.needs(suite)));
    }

    private Suite suite(String device, String identity, String size, int files) throws IOException {
        Path file = dir.resolve("suite.yaml");
        Files.writeString(file, "name: block\ntarget:\n  kind: linux-block\n  device: " + device + "\n  " + identity
                + "\n  block-trace: no\nsteps:\n"
                + "  - generate:\n      size: " + size + "\n      files: " + files + "\n  - copy:\n      tool: dd\n  - verify\n");
        try {
            return Catalog.loader().load(file);
        } catch (InvalidSuite e) {
            throw new AssertionError(e.problems().toString(), e);
        }
    }
}
