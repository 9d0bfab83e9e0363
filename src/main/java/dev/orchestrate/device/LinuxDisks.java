package dev.orchestrate.device;

import dev.orchestrate.host.Mounts;
import dev.orchestrate.outcome.RigBroken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Linux block device as the refusal rules see it, from sysfs and mountinfo: size, block size,
 * model, vendor and serial (the identity a suite confirms), its partitions, what is mounted from it
 * and which devices are built on it. Only files are read: no device is opened. The roots are given,
 * so tests read a fake tree; {@link #host()} reads this machine's.
 */
public record LinuxDisks(Path sysfs, Path mountinfo) {

    public static LinuxDisks host() {
        return new LinuxDisks(Path.of("/sys"), Path.of("/proc/self/mountinfo"));
    }

    /** {@code name} is a kernel name: "sdb", "nvme0n1", or a partition such as "sdb1" (which the rules refuse). */
    public Candidate candidate(String name) {
        Path disk = sysfs.resolve("block").resolve(name);
        boolean whole = Files.isDirectory(disk);
        if (!whole) {
            disk = parentOf(name);
        }
        List<Path> nodes = new ArrayList<>(List.of(disk));
        nodes.addAll(partitions(disk));
        Set<String> numbers = nodes.stream().map(n -> read(n.resolve("dev"))).collect(Collectors.toSet());
        Set<String> sources = nodes.stream().map(n -> "/dev/" + n.getFileName()).collect(Collectors.toSet());
        List<Volume> mounted = mounts().stream().filter(m -> numbers.contains(m.device()) || sources.contains(m.source()))
                .map(m -> new Volume(m.source().replaceFirst("^/dev/", ""), m.point())).toList();
        List<String> holders = nodes.stream().flatMap(n -> list(n.resolve("holders")).stream())
                .map(h -> h.getFileName().toString()).distinct().toList();
        return new Candidate(new DiskIdentity(media(name, disk, whole), peripheral(disk), Limits.NONE), mounted, holders);
    }

    private Media media(String name, Path disk, boolean whole) {
        String kernelName = disk.getFileName().toString();
        boolean removable = "1".equals(optional(disk.resolve("removable")));
        // a loop device answers no INQUIRY: it reads as model "loop", and its backing file stands in for the serial
        String model = Files.isDirectory(disk.resolve("loop")) ? "loop" : optional(disk.resolve("device/model"));
        // sysfs names the model once: there is no registry name beside it
        return new Media(name, model, null, protocol(disk), number(disk.resolve("size")) * 512,
                number(disk.resolve("queue/logical_block_size")),
                // sysfs has no "internal"; the system rule protects the disk holding / and /boot instead
                false, removable, removable, whole,
                !"1".equals(optional(disk.resolve("ro"))), null, "0".equals(optional(disk.resolve("queue/rotational"))),
                kernelName.matches("(loop|ram|zram|dm-|md|nbd).*"), false, List.of(), null);
    }

    private Peripheral peripheral(Path disk) {
        Path device = disk.resolve("device");
        String serial = Stream.of(device.resolve("serial"), disk.resolve("serial"), device.resolve("wwid"),
                        disk.resolve("loop/backing_file"))
                .map(LinuxDisks::optional).filter(s -> s != null && !s.isEmpty()).findFirst().orElse(null);
        return new Peripheral(optional(device.resolve("vendor")), optional(device.resolve("model")),
                Stream.of(device.resolve("rev"), device.resolve("firmware_rev")).map(LinuxDisks::optional)
                        .filter(s -> s != null).findFirst().orElse(null), serial, protocol(disk));
    }

    /** The bus, from where the kernel placed the device in its tree (…/usb2/…, …/nvme/…, …/virtio3/…). */
    private static String protocol(Path disk) {
        String path;
        try {
            path = disk.resolve("device").toRealPath().toString().toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            return null;
        }
        for (String[] bus : new String[][] {{"/usb", "USB"}, {"/nvme", "NVMe"}, {"/virtio", "VirtIO"}, {"/ata", "ATA"},
                {"/host", "SCSI"}}) {
            if (path.contains(bus[0])) {
                return bus[1];
            }
        }
        return null;
    }

    private Path parentOf(String partition) {
        try (Stream<Path> disks = Files.list(sysfs.resolve("block"))) {
            return disks.filter(d -> Files.isRegularFile(d.resolve(partition).resolve("partition"))).findFirst()
                    .orElseThrow(() -> new RigBroken("no block device '" + partition + "' under " + sysfs.resolve("block")
                            + "; lsblk lists the names this host has"));
        } catch (IOException e) {
            throw new RigBroken("cannot list " + sysfs.resolve("block") + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> partitions(Path disk) {
        return list(disk).stream().filter(p -> Files.isRegularFile(p.resolve("partition"))).sorted().toList();
    }

    /** One line of mountinfo: "36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw". */
    record Mount(String device, String point, String source) {
    }

    List<Mount> mounts() {
        List<Mount> mounts = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(mountinfo);
        } catch (IOException e) {
            throw new RigBroken("cannot read " + mountinfo + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String[] fields = lines.get(i).split(" ");
            int separator = List.of(fields).indexOf("-");
            if (fields.length < 6 || separator < 6 || separator + 2 >= fields.length) {
                throw new RigBroken(mountinfo + ":" + (i + 1) + ": not a mountinfo line (expected 'id parent major:minor root point"
                        + " options ... - type source options'); the file may be truncated: '" + lines.get(i) + "'");
            }
            mounts.add(new Mount(fields[2], Mounts.unescape(fields[4]), Mounts.unescape(fields[separator + 2])));
        }
        return mounts;
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList();
        } catch (IOException e) {
            throw new RigBroken("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        String value = optional(file);
        if (value == null) {
            throw new RigBroken("cannot read " + file + "; is this a block device's sysfs directory?");
        }
        return value;
    }

    private static long number(Path file) {
        String value = read(file);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new RigBroken(file + " holds '" + value + "', not a number");
        }
    }

    /** The stripped content (sysfs pads model and vendor with spaces), or null when the file is absent. */
    private static String optional(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file).strip() : null;
        } catch (IOException e) {
            throw new RigBroken("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
