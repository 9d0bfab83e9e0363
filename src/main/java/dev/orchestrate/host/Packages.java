package dev.orchestrate.host;

import dev.orchestrate.process.Command;
import dev.orchestrate.process.Executables;
import dev.orchestrate.process.Outcome;
import dev.orchestrate.process.Processes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The programs orchestrate runs on Linux and the Debian packages that hold them, declared once:
 * the emulated target's stack, the copy tools, the benchmarks' peers and block tracing. Checks,
 * install hints, {@code doctor} and the installs of {@code run} and {@code self-test} read this.
 */
public final class Packages {

    /** One program and its package; {@code role} says what orchestrate needs it for. */
    public record Program(String name, String debianPackage, String role) {

        public boolean installed() {
            return Executables.find(name).isPresent();
        }
    }

    /** libfuse3 is a library, not a program: it is found by its file. */
    public static final String LIBFUSE = "libfuse3-3";

    public static final List<Program> ALL = List.of(
            new Program("losetup", "mount", "emulated target: loop devices"),
            new Program("mount", "mount", "emulated target: mounts"),
            new Program("blockdev", "util-linux", "emulated target: dropping a device's buffers"),
            new Program("fusermount3", "fuse3", "emulated target: the FUSE export"),
            new Program("filefrag", "e2fsprogs", "emulated target: extent maps"),
            new Program("mkfs.ext4", "e2fsprogs", "file system ext4 (and ext2)"),
            new Program("mkfs.xfs", "xfsprogs", "file system xfs"),
            new Program("mkfs.btrfs", "btrfs-progs", "file system btrfs"),
            new Program("btrfs-map-logical", "btrfs-progs", "file system btrfs: device addresses"),
            new Program("cp", "coreutils", "copy tools cp, dd, cat"),
            new Program("tar", "tar", "copy tool tar"),
            new Program("rsync", "rsync", "copy tool rsync"),
            new Program("gio", "libglib2.0-bin", "copy tool gio"),
            new Program("fio", "fio", "copy tool fio; bench verify's peer"),
            new Program("f3read", "f3", "bench verify's peer"),
            new Program("asciidoctor", "asciidoctor", "the man pages: the build renders them ('./orchestrate man')"));

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
    /** Set (to anything) in the environment, or as a system property by {@code --no-install}: nothing is installed. */
    public static final String NO_INSTALL = "ORCHESTRATE_NO_INSTALL";

    private Packages() {
    }

    /**
     * Whether missing packages may be installed: not on a lab Mac or a locked-down CI host that said
     * {@code --no-install} (run, self-test) or has {@value #NO_INSTALL} in its environment.
     */
    public static boolean installsAllowed() {
        return System.getenv(NO_INSTALL) == null && System.getProperty(NO_INSTALL) == null;
    }

    /** From now on, in this process, nothing is installed. */
    public static void forbidInstalls() {
        System.setProperty(NO_INSTALL, "1");
    }

    /** The package that holds {@code program}. */
    public static String of(String program) {
        return ALL.stream().filter(p -> p.name().equals(program)).map(Program::debianPackage).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no package is declared for " + program));
    }

    /** "apt-get install rsync": what a person runs to get {@code program}. */
    public static String hint(String program) {
        return "apt-get install " + of(program);
    }

    /** The packages of the programs in {@code programs} that are not installed, each once, in order. */
    public static List<String> missing(List<String> programs) {
        Map<String, Boolean> packages = new LinkedHashMap<>();
        for (String program : programs) {
            if (Executables.find(program).isEmpty()) {
                packages.put(of(program), true);
            }
        }
        return List.copyOf(packages.keySet());
    }

    /** Every package orchestrate can use that this host lacks, libfuse3 included. */
    public static List<String> missingAll(boolean fuseLibraryFound) {
        List<String> packages = new ArrayList<>(missing(ALL.stream().map(Program::name).toList()));
        if (!fuseLibraryFound) {
            packages.add(LIBFUSE);
        }
        return packages;
    }

    /**
     * Installs {@code packages} with apt-get, refreshing the package lists once when a first try
     * fails (a fresh machine's lists may be old or empty); empty when done, else why not and what to run.
     */
    public static Optional<String> install(List<String> packages) {
        if (packages.isEmpty()) {
            return Optional.empty();
        }
        if (Executables.find("apt-get").isEmpty()) {
            return Optional.of("missing packages: " + String.join(" ", packages) + "; install them with the host's package manager");
        }
        if (!HostCheck.root()) {
            return Optional.of("missing packages: " + String.join(" ", packages) + "; as root: apt-get install "
                    + String.join(" ", packages));
        }
        Outcome outcome = aptGet("install", packages);
        if (!outcome.succeeded()) {
            aptGet("update", List.of());
            outcome = aptGet("install", packages);
        }
        return outcome.succeeded() ? Optional.empty()
                : Optional.of("missing packages " + String.join(" ", packages) + " could not be installed (" + outcome.lastLine()
                        + "); run 'apt-get update && apt-get install " + String.join(" ", packages) + "'");
    }

    private static Outcome aptGet(String verb, List<String> packages) {
        List<String> argv = new ArrayList<>(List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", verb, "-y", "-q"));
        argv.addAll(packages);
        return Processes.run(new Command(argv, INSTALL_TIMEOUT));
    }
}
