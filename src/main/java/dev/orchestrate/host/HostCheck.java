package dev.orchestrate.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the emulated target needs from this host: Linux, root, /dev/fuse, and a few programs.
 * Missing Debian packages are installed when we are root and apt-get is there; anything else is
 * named with what to do.
 */
public final class HostCheck {

    private HostCheck() {
    }

    /**
     * Empty when this host can run the emulator with {@code fileSystem}, else why not; with
     * {@code install}, after installing missing packages when it can (run without --no-install).
     */
    public static Optional<String> emulator(String fileSystem, Path fuseLibrary, boolean install) {
        Optional<String> platform = platform();
        if (platform.isPresent()) {
            return platform;
        }
        List<String> packages = missingPackages(fileSystem, fuseLibrary);
        return install ? Packages.install(packages) : packages.isEmpty() ? Optional.empty()
                : Optional.of("missing packages: " + String.join(" ", packages)
                        + "; run 'orchestrate doctor --install', or apt-get install them");
    }

    /** Empty when this host can run the emulator as it is, else why not; installs nothing (for deciding whether to skip tests). */
    public static Optional<String> emulatorAsIs(String fileSystem, Path fuseLibrary) {
        return emulator(fileSystem, fuseLibrary, false);
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
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static List<String> missingPackages(String fileSystem, Path fuseLibrary) {
        List<String> programs = new ArrayList<>(List.of("losetup", "mount", "filefrag", "blockdev", FileSystems.maker(fileSystem)));
        if (fileSystem.equals("btrfs")) {
            programs.add("btrfs-map-logical");
        }
        List<String> packages = new ArrayList<>(Packages.missing(programs));
        if (fuseLibrary == null) {
            packages.add(Packages.LIBFUSE);
            packages.add(Packages.of("fusermount3"));
        }
        return packages;
    }
}
