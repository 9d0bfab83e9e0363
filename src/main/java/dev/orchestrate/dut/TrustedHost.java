package dev.orchestrate.dut;

import dev.orchestrate.process.Command;
import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Options;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A second host with a trusted driver that reads the disk under test for verification, over SSH:
 * each read is one {@code dd} of the blocks asked for, so only the files' ranges cross the network.
 * A Linux device is read with O_DIRECT; a Mac's through its raw node /dev/rdiskN, which has no buffer cache.
 *
 * @param destination user@host, as ssh takes it
 * @param device the disk's node on that host
 * @param ssh the program and options that reach the host (tests put a fake here)
 * @param timeout how long one read may take
 */
public record TrustedHost(String destination, String device, List<String> ssh, Duration timeout) {

    /**
     * BatchMode: a password prompt would hang the verify; the key must be set up beforehand. The
     * reads of a verify share one connection (ControlMaster), kept a minute after the last, so each
     * costs a dd, not an SSH handshake.
     */
    public static final List<String> SSH = List.of("ssh", "-o", "BatchMode=yes", "-o", "ConnectTimeout=15",
            "-o", "ControlMaster=auto", "-o", "ControlPath=/tmp/orchestrate-ssh-%C", "-o", "ControlPersist=60");
    public static final Duration TIMEOUT = Duration.ofMinutes(2);

    /** Why a trusted host's read-back scans no region: only the files' ranges cross the network. */
    static final String UNSCANNED = "verification reads through a trusted host, which streams only the files' ranges;"
            + " the rest of the region is not scanned";

    /** The lab targets' key that chooses the known-good read path. */
    public static final Key KEY = Key.optional("read-back", Key.Type.TEXT, "local", "where verification reads the disk: local,"
            + " the raw node with the cache bypassed, through the driver under test;"
            + " or ssh://user@host/dev/sdX (a Mac's /dev/diskN), a second host with a trusted driver that streams only the files' ranges"
            + " with dd over SSH (a key, no password; raw placements only)");

    /** The trusted host the target's {@code read-back} names, or empty to read locally; the value was checked at validation. */
    static Optional<TrustedHost> of(Options target) {
        String value = target.text(KEY.name());
        return value.equals("local") ? Optional.empty() : Optional.of(parse(value));
    }

    public TrustedHost {
        ssh = List.copyOf(ssh);
    }

    /** The host of {@code ssh://user@host/dev/sdX}; null when the text is not such an address. */
    public static TrustedHost parse(String address) {
        try {
            URI uri = new URI(address);
            if (!"ssh".equals(uri.getScheme()) || uri.getHost() == null || uri.getPath() == null || !uri.getPath().startsWith("/dev/")) {
                return null;
            }
            String destination = (uri.getUserInfo() == null ? "" : uri.getUserInfo() + "@") + uri.getHost();
            List<String> ssh = new ArrayList<>(SSH);
            if (uri.getPort() > 0) {
                ssh.addAll(List.of("-p", Integer.toString(uri.getPort())));
            }
            return new TrustedHost(destination, uri.getPath(), ssh, TIMEOUT);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The command that streams {@code length} bytes from {@code offset} of the device; both multiples of {@code blockSize}. */
    public Command read(long offset, long length, int blockSize) {
        List<String> argv = new ArrayList<>(ssh);
        argv.addAll(List.of(destination, "dd", "if=" + node(), "bs=" + blockSize, "skip=" + offset / blockSize,
                "count=" + length / blockSize));
        if (!mac()) {
            argv.add("iflag=direct");
        }
        return new Command(argv, timeout);
    }

    /** For the verdict's read path: which host, which node, and what bypasses that host's cache. */
    public String describe() {
        return "read through a trusted host: " + String.join(" ", ssh) + " " + destination + " dd if=" + node()
                + (mac() ? " (the raw node, no buffer cache)" : " iflag=direct (the page cache bypassed)")
                + ", only each file's ranges, at each file's device offset; the driver under test does not answer";
    }

    private boolean mac() {
        return device.startsWith("/dev/disk") || device.startsWith("/dev/rdisk");
    }

    private String node() {
        return device.replaceFirst("^/dev/disk", "/dev/rdisk");
    }
}
