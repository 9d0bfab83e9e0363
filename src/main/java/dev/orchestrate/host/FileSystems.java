package dev.orchestrate.host;

import dev.orchestrate.process.Command;
import dev.orchestrate.process.Processes;
import java.time.Duration;
import java.util.List;

/** Making the file systems the emulated target can carry. */
public final class FileSystems {

    public static final List<String> KINDS = List.of("ext4", "ext2", "xfs", "btrfs");
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private FileSystems() {
    }

    /** The program that makes {@code type}, for availability checks. */
    public static String maker(String type) {
        return "mkfs." + type;
    }

    /**
     * Makes {@code type} on {@code device}. ext2/ext4 initialise inode tables and the journal now
     * rather than in the background, so later commands in the log are the cell's own.
     */
    public static void make(String type, String device) {
        List<String> argv = switch (type) {
            case "ext4", "ext2" -> List.of(maker(type), "-F", "-q", "-E", "lazy_itable_init=0,lazy_journal_init=0", device);
            case "xfs" -> List.of(maker(type), "-f", "-q", device);
            case "btrfs" -> List.of(maker(type), "-f", "-q", device);
            default -> throw new IllegalArgumentException("unknown file system " + type);
        };
        Processes.require(new Command(argv, TIMEOUT));
    }
}
