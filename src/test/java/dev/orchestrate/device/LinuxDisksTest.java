package dev.orchestrate.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.device.Refusal.Rule;
import dev.orchestrate.outcome.RigBroken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fake sysfs in a temp dir, laid out as the kernel lays out a VM with a virtio system disk (vda: / and
 * /boot/efi), a USB disk with a mounted partition (sdb), a SAS disk that may be written (sdc) and a
 * disk under device mapper (sdd); mounts from fixtures/linux/mountinfo-vm.txt. No real device is touched.
 */
class LinuxDisksTest {

    private static final Path MOUNTINFO = Path.of("fixtures/linux/mountinfo-vm.txt");

    @TempDir
    Path sys;

    private LinuxDisks disks;

    @BeforeEach
    void fakeSysfs() throws IOException {
        disk("vda", "252:0", "pci0000:00/0000:00:04.0/virtio2", Map.of("size", "41943040", "device/vendor", "0x1af4", "serial", "vm-root-0001"),
                Map.of("vda1", "252:1", "vda15", "252:15"));
        disk("sdb", "8:16", "pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host3/target3:0:0/3:0:0:0",
                Map.of("size", "60062500", "removable", "1", "device/vendor", "SanDisk ", "device/model", "Extreme Pro     ",
                        "device/rev", "0001", "device/serial", "AA010417161548431583"), Map.of("sdb1", "8:17"));
        disk("sdc", "8:32", "pci0000:00/0000:00:10.0/host0/port-0:0/end_device-0:0/target0:0:0/0:0:0:0",
                Map.of("size", "128906249216", "queue/rotational", "1", "device/vendor", "GAMMA   ", "device/model", "RAID R8         ",
                        "device/rev", "0412", "device/wwid", "naa.6001b4d0c8a2419000731"), Map.of());
        disk("sdd", "8:48", "pci0000:00/0000:00:10.0/host0/target0:0:1/0:0:1:0",
                Map.of("size", "1953525168", "device/model", "ST1000NM0033", "device/wwid", "naa.5000c500a1b2c3d4"), Map.of());
        Files.createDirectories(sys.resolve("block/sdd/holders/dm-0"));
        disks = new LinuxDisks(sys, MOUNTINFO);
    }

    @Test
    void theIdentityComesFromSysfs() {
        Candidate sdc = disks.candidate("sdc");
        Media media = sdc.identity().media();
        assertEquals("sdc", media.identifier());
        assertEquals("RAID R8", media.mediaName());
        assertEquals("SCSI", media.protocol());
        assertEquals(128_906_249_216L * 512, media.sizeBytes());
        assertEquals(512, media.blockSize());
        assertTrue(media.whole() && media.writable() && !media.solidState());
        assertEquals(new Peripheral("GAMMA", "RAID R8", "0412", "naa.6001b4d0c8a2419000731", "SCSI"), sdc.identity().peripheral());
        Candidate sdb = disks.candidate("sdb");
        assertEquals("USB", sdb.identity().media().protocol());
        assertEquals("AA010417161548431583", sdb.identity().peripheral().serial(), "device/serial before wwid");
        assertTrue(sdb.identity().media().removable());
        assertEquals(List.of(new Volume("sdb1", "/mnt/lab data")), sdb.mounted());
    }

    @Test
    void theSystemDiskAMountedDiskAPartitionAndAHeldDiskAreRefused() {
        // a virtio disk has no model for a suite to name
        assertEquals(List.of(Rule.UNNAMED, Rule.SYSTEM), rules("vda", false));
        assertEquals(List.of(Rule.UNNAMED, Rule.SYSTEM), rules("vda", true), "allowing unmounts never frees the system disk");
        assertEquals("vm-root-0001", disks.candidate("vda").identity().peripheral().serial(), "virtio keeps its serial beside the disk");
        assertEquals(List.of(Rule.MOUNTED), rules("sdb", false));
        assertEquals(List.of(), rules("sdb", true));
        assertEquals(List.of(Rule.MOUNTED, Rule.PARTITION), rules("sdb1", false));
        assertEquals(List.of(Rule.IN_USE), rules("sdd", false));
        assertEquals(List.of(), rules("sdc", false));
        String reason = DiskGuard.refusals(disks.candidate("vda"), named(disks.candidate("vda"), false)).getLast().reason();
        assertEquals("vda holds the running system (vda1 on /, vda15 on /boot/efi); never choose the boot disk"
                + " or a disk the system's volumes live on (an APFS container's physical store)", reason);
    }

    @Test
    void aDiskWhoseSerialOrModelDiffersIsRefused() {
        Candidate sdc = disks.candidate("sdc");
        Expectation other = new Expectation("sdc", "RAID R8", null, sdc.identity().media().sizeBytes(), "naa.5000c500a1b2c3d4", false);
        List<Refusal> refusals = DiskGuard.refusals(sdc, other);
        assertEquals(List.of(new Refusal(Rule.MISMATCH, "sdc says its serial number is 'naa.6001b4d0c8a2419000731' but the suite"
                + " expects 'naa.5000c500a1b2c3d4'; check that sdc is the disk under test")), refusals);
        assertFalse(DiskGuard.refusals(sdc, new Expectation("sdc", "ST1000NM0033", null, sdc.identity().media().sizeBytes(),
                "naa.6001b4d0c8a2419000731", false)).isEmpty());
    }

    @Test
    void anUnknownDeviceAndATruncatedMountinfoAreNamed() {
        RigBroken e = assertThrows(RigBroken.class, () -> disks.candidate("sdz"));
        assertTrue(e.getMessage().startsWith("no block device 'sdz' under " + sys.resolve("block")), e.getMessage());
        Path truncated = Path.of("fixtures/linux/mountinfo-truncated.txt");
        e = assertThrows(RigBroken.class, () -> new LinuxDisks(sys, truncated).candidate("sdc"));
        assertTrue(e.getMessage().startsWith(truncated + ":8: not a mountinfo line"), e.getMessage());
    }

    private List<Rule> rules(String name, boolean mayUnmount) {
        Candidate disk = disks.candidate(name);
        return DiskGuard.refusals(disk, named(disk, mayUnmount)).stream().map(Refusal::rule).toList();
    }

    private static Expectation named(Candidate disk, boolean mayUnmount) {
        Media media = disk.identity().media();
        return new Expectation(media.identifier(), media.mediaName(), media.protocol(), media.sizeBytes(),
                disk.identity().peripheral().serial(), mayUnmount);
    }

    /** /sys/block/NAME with its attributes, partitions, and device linked into /sys/devices as the kernel links it. */
    private void disk(String name, String dev, String devicePath, Map<String, String> attributes, Map<String, String> partitions)
            throws IOException {
        Path disk = Files.createDirectories(sys.resolve("block").resolve(name));
        Path device = Files.createDirectories(sys.resolve("devices").resolve(devicePath));
        Files.createSymbolicLink(disk.resolve("device"), device);
        write(disk.resolve("dev"), dev);
        write(disk.resolve("queue/logical_block_size"), "512");
        write(disk.resolve("queue/rotational"), "0");
        write(disk.resolve("removable"), "0");
        write(disk.resolve("ro"), "0");
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            write(disk.resolve(a.getKey()), a.getValue());
        }
        for (Map.Entry<String, String> p : partitions.entrySet()) {
            write(disk.resolve(p.getKey()).resolve("partition"), p.getKey().replaceAll("\\D+", ""));
            write(disk.resolve(p.getKey()).resolve("dev"), p.getValue());
        }
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content + "\n");
    }
}
