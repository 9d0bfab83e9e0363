package dev.orchestrate.host;

import dev.orchestrate.process.Executables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What this host can do for orchestrate, one check a line, each with the command that fixes it. */
public final class Capabilities {

    /**
     * One capability: {@code ok}, what it is for, and when it is missing the fix: a command, with the
     * Debian package it installs where it is one, or, {@code elsewhere}, where it can be had instead
     * (no command of this host gives it).
     */
    public record Check(String name, boolean ok, String role, String fix, String debianPackage, boolean elsewhere) {

        static Check fixedBy(String name, boolean ok, String role, String command) {
            return new Check(name, ok, role, command, "", false);
        }

        static Check ofPackage(String name, boolean ok, String role, String debianPackage) {
            return new Check(name, ok, role, "apt-get install " + debianPackage, debianPackage, false);
        }

        static Check onlyOn(String name, String role, String where) {
            return new Check(name, false, role, where, "", true);
        }
    }

    private Capabilities() {
    }

    /** Every check for this host's platform; {@code fuseLibrary} is libfuse3 where it was found. */
    public static List<Check> of(Optional<Path> fuseLibrary) {
        return Platform.current() == Platform.MACOS ? mac() : linux(fuseLibrary);
    }

    private static List<Check> linux(Optional<Path> fuseLibrary) {
        List<Check> checks = new ArrayList<>();
        checks.add(Check.fixedBy("root", HostCheck.root(), "loop devices and mounts of the emulated target, lab disks",
                "run as root (sudo)"));
        checks.add(Check.fixedBy("/dev/fuse", Files.exists(Path.of("/dev/fuse")), "the emulated controller's FUSE export",
                "modprobe fuse"));
        checks.add(Check.fixedBy("/dev/loop-control", Files.exists(Path.of("/dev/loop-control")), "loop devices over the emulated disk",
                "modprobe loop"));
        checks.add(Check.ofPackage("libfuse3.so.3", fuseLibrary.isPresent(), "the FUSE binding (jfuse)", Packages.LIBFUSE));
        for (String fs : FileSystems.KINDS) {
            checks.add(Check.fixedBy("kernel file system " + fs, kernelHas(fs), "file-system: " + fs + " on the emulated target",
                    "modprobe " + fs));
        }
        for (Packages.Program p : Packages.ALL) {
            checks.add(Check.ofPackage(p.name(), p.installed(), p.role(), p.debianPackage()));
        }
        Optional<String> tracing = BlockTrace.unavailable();
        checks.add(Check.fixedBy("block tracing (tracefs)", tracing.isEmpty(),
                "the command log of a linux-block disk, and block-trace: yes on the emulated target",
                tracing.orElse("nothing to fix")));
        checks.add(Check.onlyOn("xcrun (macOS helpers' compiler)", "copyfile, NSFileManager and FSCopyObject helpers", "macOS only"));
        checks.add(Check.onlyOn("Full Disk Access", "macOS disks and the Finder", "macOS only"));
        return checks;
    }

    private static List<Check> mac() {
        List<Check> checks = new ArrayList<>();
        checks.add(Check.fixedBy("root", HostCheck.root(), "lab disks: diskutil, raw device nodes",
                "run as root (sudo), see the README's sudoers line"));
        for (String program : List.of("diskutil", "hdiutil", "ioreg", "asr", "ditto", "osascript", "dd", "cp")) {
            checks.add(Check.fixedBy(program, Executables.find(program).isPresent(), "part of macOS",
                    "reinstall macOS or repair its system volume"));
        }
        checks.add(Check.fixedBy("xcrun (macOS helpers' compiler)", Executables.find("xcrun").isPresent(),
                "copyfile, NSFileManager and FSCopyObject helpers", "xcode-select --install"));
        // the TCC database is readable only to a process with Full Disk Access
        checks.add(Check.fixedBy("Full Disk Access", Files.isReadable(Path.of("/Library/Application Support/com.apple.TCC/TCC.db")),
                "raw disks and the Finder's copies",
                "System Settings > Privacy & Security > Full Disk Access: add the terminal or launchd job"));
        for (Packages.Program p : Packages.ALL.stream().filter(p -> List.of("rsync", "fio").contains(p.name())).toList()) {
            checks.add(Check.fixedBy(p.name(), p.installed(), p.role(), "brew install " + p.name()));
        }
        checks.add(Check.onlyOn("Linux's emulated target", "the embedded emulated controller", "Linux only (macOS uses macos-ramdisk)"));
        return checks;
    }

    /** Whether the kernel can mount {@code fs} now (built in or loaded); a module not yet loaded is loaded by mount itself. */
    private static boolean kernelHas(String fs) {
        try {
            String known = Files.readString(Path.of("/proc/filesystems"));
            return known.lines().map(l -> l.strip().replaceFirst("^nodev\\s+", "")).anyMatch(fs::equals)
                    || Files.exists(modules().resolve("kernel/fs").resolve(fs));
        } catch (IOException e) {
            return false;
        }
    }

    private static Path modules() {
        return Path.of("/lib/modules", System.getProperty("os.version", ""));
    }
}
