package dev.orchestrate.host;

import dev.orchestrate.process.Command;
import dev.orchestrate.process.Outcome;
import dev.orchestrate.process.Processes;
import dev.orchestrate.process.Executables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the emulated target needs from this host: Linux, root, /dev/fuse, and a few programs.
 * Missing Debian packages are installed when we are root and apt-get is there; anything else is
 * named with what to do.
 */
public final class HostCheck {

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);

    private HostCheck() {
    }

    /** Empty when this host can run the emulator with {@code fileSystem}, else why not, after installing missing packages when it can. */
    public static Optional<String> emulator(String fileSystem, Path fuseLibrary) {
        Optional<String> platform = platform();
        if (platform.isPresent()) {
            return platform;
        }
        List<String> packages = missingPackages(fileSystem, fuseLibrary);
        return packages.isEmpty() ? Optional.empty() : install(packages);
    }

    /** Empty when this host can run the emulator as it is, else why not; installs nothing (for deciding whether to skip tests). */
    public static Optional<String> emulatorAsIs(String fileSystem, Path fuseLibrary) {
        Optional<String> platform = platform();
        if (platform.isPresent()) {
            return platform;
        }
        List<String> packages = missingPackages(fileSystem, fuseLibrary);
        return packages.isEmpty() ? Optional.empty() : Optional.of("missing packages: " + String.join(" ", packages));
    }

    private static Optional<String> platform() {
        if (!System.getProperty("os.name").toLowerCase().contains("linux")) {
            return Optional.of("the emulated target needs Linux (FUSE and loop devices); this host runs " + System.getProperty("os.name"));
        }
        if (!root()) {
            return Optional.of("the emulated target needs root (loop devices and mounts); run as root");
        }
        if (!Files.exists(Path.of("/dev/fuse"))) {
            return Optional.of("no /dev/fuse on this host: load the module with 'modprobe fuse'");
        }
        if (!Files.exists(Path.of("/dev/loop-control"))) {
            return Optional.of("no /dev/loop-control on this host: load the module with 'modprobe loop'");
        }
        return Optional.empty();
    }

    /** The effective uid is the owner of /proc/self; the user name can be anything. */
    static boolean root() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static List<String> missingPackages(String fileSystem, Path fuseLibrary) {
        Map<String, String> needed = new LinkedHashMap<>();
        needed.put("losetup", "mount");
        needed.put("mount", "mount");
        needed.put("filefrag", "e2fsprogs");
        needed.put("blockdev", "util-linux");
        needed.put(FileSystems.maker(fileSystem), FileSystems.packageOf(fileSystem));
        if (fileSystem.equals("btrfs")) {
            needed.put("btrfs-map-logical", "btrfs-progs");
        }
        List<String> packages = new ArrayList<>();
        needed.forEach((program, pkg) -> {
            if (Executables.find(program).isEmpty() && !packages.contains(pkg)) {
                packages.add(pkg);
            }
        });
        if (fuseLibrary == null) {
            packages.add("libfuse3-3");
            packages.add("fuse3");
        }
        return packages;
    }

    private static Optional<String> install(List<String> packages) {
        if (Executables.find("apt-get").isEmpty()) {
            return Optional.of("missing packages: " + String.join(" ", packages) + "; install them with the host's package manager");
        }
        List<String> argv = new ArrayList<>(List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-q"));
        argv.addAll(packages);
        Outcome outcome = Processes.run(new Command(argv, INSTALL_TIMEOUT));
        return outcome.succeeded() ? Optional.empty()
                : Optional.of("missing packages " + String.join(" ", packages) + " could not be installed (" + outcome.lastLine()
                        + "); run 'apt-get update && apt-get install " + String.join(" ", packages) + "'");
    }
}
