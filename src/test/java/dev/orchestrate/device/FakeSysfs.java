package dev.orchestrate.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A fake sysfs in a temp dir, laid out as the kernel lays out a VM with a virtio system disk (vda: / and
 * /boot/efi), a USB disk with a mounted partition (sdb), a SAS disk that may be written (sdc), a disk
 * under device mapper (sdd) and a write-protected disk (sde). Only files: no device is touched.
 */
public final class FakeSysfs {

    private FakeSysfs() {
    }

    /** The VM's disks under {@code sys}, with the mounts of {@code mountinfo}. */
    public static LinuxDisks vm(Path sys, Path mountinfo) throws IOException {
        disk(sys, "vda", "252:0", "pci0000:00/0000:00:04.0/virtio2",
                Map.of("size", "41943040", "device/vendor", "0x1af4", "serial", "vm-root-0001"),
                Map.of("vda1", "252:1", "vda15", "252:15"));
        disk(sys, "sdb", "8:16", "pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host3/target3:0:0/3:0:0:0",
                Map.of("size", "60062500", "removable", "1", "device/vendor", "SanDisk ", "device/model", "Extreme Pro     ",
                        "device/rev", "0001", "device/serial", "AA010417161548431583"), Map.of("sdb1", "8:17"));
        disk(sys, "sdc", "8:32", "pci0000:00/0000:00:10.0/host0/port-0:0/end_device-0:0/target0:0:0/0:0:0:0",
                Map.of("size", "128906249216", "queue/rotational", "1", "device/vendor", "GAMMA   ", "device/model", "RAID R8         ",
                        "device/rev", "0412", "device/wwid", "naa.6001b4d0c8a2419000731"), Map.of());
        disk(sys, "sdd", "8:48", "pci0000:00/0000:00:10.0/host0/target0:0:1/0:0:1:0",
                Map.of("size", "1953525168", "device/model", "ST1000NM0033", "device/wwid", "naa.5000c500a1b2c3d4"), Map.of());
        Files.createDirectories(sys.resolve("block/sdd/holders/dm-0"));
        disk(sys, "sde", "8:64", "pci0000:00/0000:00:10.0/host0/target0:0:2/0:0:2:0",
                Map.of("size", "2097152", "ro", "1", "device/model", "WORM", "device/wwid", "naa.5000c500a1b2c3ff"), Map.of());
        return new LinuxDisks(sys, mountinfo);
    }

    /** /sys/block/NAME with its attributes, partitions, and device linked into /sys/devices as the kernel links it. */
    private static void disk(Path sys, String name, String dev, String devicePath, Map<String, String> attributes,
                             Map<String, String> partitions) throws IOException {
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
