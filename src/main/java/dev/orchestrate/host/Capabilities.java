package dev.orchestrate.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What this host can do for orchestrate, one check a line, each with the command that fixes it. */
public final class Capabilities {

    /**
     * One capability: {@code ok}, what it is for, and when it is missing the fix (a command, or
     * "n/a ..." where no command of this host can give it).
     */
    public record Check(String name, boolean ok, String role, String fix) {
    }

    private Capabilities() {
    }

    /** Every check for this host's platform; {@code fuseLibrary} is libfuse3 where it was found. */
    public static List<Check> of(Optional<Path> fuseLibrary) {
        return Platform.current() == Platform.MACOS ? mac() : linux(fuseLibrary);
    }

    private static List<Check> linux(Optional<Path> fuseLibrary) {
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("root", HostCheck.root(), "loop devices and mounts of the emulated target, lab disks", "run as root (sudo)"));
        checks.add(new Check("/dev/fuse", Files.exists(Path.of("/dev/fuse")), "the emulated controller's FUSE export", "modprobe fuse"));
        checks.add(new Check("/dev/loop-control", Files.exists(Path.of("/dev/loop-control")), "loop devices over the emulated disk", "modprobe loop"));
        checks.add(new Check("libfuse3.so.3", fuseLibrary.isPresent(), "the FUSE binding (jfuse)", "apt-get install " + Packages.LIBFUSE));
        for (String fs : FileSystems.KINDS) {
            checks.add(new Check("kernel file system " + fs, kernelHas(fs), "file-system: " + fs + " on the emulated target", "modprobe " + fs));
        }
        for (Packages.Program p : Packages.ALL) {
            checks.add(new Check(p.name(), p.installed(), p.role(), "apt-get install " + p.debianPackage()));
        }
        checks.add(new Check("debugfs", Files.isDirectory(Path.of("/sys/kernel/debug/tracing")) || Files.isDirectory(Path.of("/sys/kernel/tracing")),
                "blktrace's trace buffers", "mount -t debugfs none /sys/kernel/debug"));
        checks.add(new Check("xcrun (macOS helpers' compiler)", false, "copyfile, NSFileManager and FSCopyObject helpers", "n/a: macOS only"));
        checks.add(new Check("Full Disk Access", false, "macOS disks and the Finder", "n/a: macOS only"));
        return checks;
    }

    private static List<Check> mac() {
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("root", HostCheck.root(), "lab disks: diskutil, raw device nodes", "run as root (sudo), see the README's sudoers line"));
        for (String program : List.of("diskutil", "hdiutil", "ioreg", "asr", "ditto", "osascript", "dd", "cp")) {
            checks.add(new Check(program, dev.orchestrate.process.Executables.find(program).isPresent(), "part of macOS", "n/a: part of macOS"));
        }
        checks.add(new Check("xcrun (macOS helpers' compiler)", dev.orchestrate.process.Executables.find("xcrun").isPresent(),
                "copyfile, NSFileManager and FSCopyObject helpers", "xcode-select --install"));
        // the TCC database is readable only to a process with Full Disk Access
        checks.add(new Check("Full Disk Access", Files.isReadable(Path.of("/Library/Application Support/com.apple.TCC/TCC.db")),
                "raw disks and the Finder's copies", "System Settings > Privacy & Security > Full Disk Access: add the terminal or launchd job"));
        for (Packages.Program p : Packages.ALL.stream().filter(p -> List.of("rsync", "fio").contains(p.name())).toList()) {
            checks.add(new Check(p.name(), p.installed(), p.role(), "brew install " + p.name()));
        }
        checks.add(new Check("Linux's emulated target", false, "the embedded emulated controller", "n/a: Linux only (macOS uses macos-ramdisk)"));
        return checks;
    }

    /** Whether the kernel can mount {@code fs} now (built in or loaded); a module not yet loaded is loaded by mount itself. */
    private static boolean kernelHas(String fs) {
        try {
            String known = Files.readString(Path.of("/proc/filesystems"));
            return known.lines().map(l -> l.strip().replaceFirst("^nodev\\s+", "")).anyMatch(fs::equals) || Files.exists(modules().resolve("kernel/fs").resolve(fs));
        } catch (IOException e) {
            return false;
        }
    }

    private static Path modules() {
        return Path.of("/lib/modules", System.getProperty("os.version", ""));
    }
}
