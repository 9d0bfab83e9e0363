package dev.orchestrate.diagnosis;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every defect the verdicts name, each declared once: its name (in suites' {@code expect}, the
 * manifest and the {@code defect} label), its report category, the sentence that states it, and the
 * evidence a rule needs to name it. Categories, labels and failure messages are made from these
 * values, never matched against prose.
 */
public enum Defect {
    TRANSFER_LENGTH("Transfer-length corruption", "writes longer than a limit lose their bytes past a fixed offset inside the command",
            Need.COMMAND_LOG, Need.DEVICE_ADDRESSES),
    TORN_WRITE("Torn writes", "writes kept their first bytes whatever their length; the rest never reached the media",
            Need.COMMAND_LOG, Need.DEVICE_ADDRESSES),
    TORN_OR_TRANSFER_LENGTH("Torn writes or transfer-length corruption",
            "long writes lost their bytes past one fixed offset inside the command; the evidence cannot tell a tear from a length limit",
            Need.COMMAND_LOG, Need.DEVICE_ADDRESSES),
    FLUSH_DROPPED("Write cache not flushed (flushes acknowledged and dropped)",
            "the device acknowledged flushes after the data reached it, and lost the data", Need.COMMAND_LOG, Need.DEVICE_ADDRESSES),
    NO_DESTAGE_AT_RELEASE("Not destaged at release or shutdown",
            "the data reached the device, no flush was sent, and the device's release or shutdown did not write its cache to the media",
            Need.COMMAND_LOG, Need.DEVICE_ADDRESSES),
    FLUSH_NOT_SENT("No flush reached the device",
            "the host promised the data and the data reached the device, but no flush followed it before the power cut",
            Need.COMMAND_LOG, Need.DEVICE_ADDRESSES, Need.HOST_STEPS),
    LOST_BEFORE_DEVICE("Lost before reaching the device",
            "the host promised the data, but no write command ever carried it to the device", Need.COMMAND_LOG, Need.HOST_STEPS),
    NEVER_SYNCED("Never synced before the verify",
            "no sync, fsync, unmount or eject came between the copy and the verify, and the device never saw the writes",
            Need.COMMAND_LOG, Need.HOST_STEPS),
    STALE_NOT_REWRITTEN("Stale: not rewritten", "the file holds an older generation because the step that should have rewritten it "
            + "sent no writes there", Need.COMMAND_LOG, Need.DEVICE_ADDRESSES, Need.HOST_STEPS),
    AT_REST("Damaged at rest", "sectors written intact and kept by the device changed later, though no command wrote them",
            Need.COMMAND_LOG, Need.DEVICE_ADDRESSES),
    MISDIRECTED("Misdirected writes", "writes landed a fixed distance from where they belong"),
    DUPLICATED("Duplicated writes", "data was written twice, once over other data"),
    IO_ERROR("I/O errors from the device", "the device answered commands with an I/O error"),
    OWN_CHECK("The tool's own check failed", "the copy tool's own verification of what it wrote failed"),
    NAMES("File names changed", "the volume lists file names other than the ones written"),
    DISK_OPERATION("Disk operation failed", "a disk operation (partition, erase) failed on the device"),
    UNEXPLAINED("Data lost or damaged, no rule explains it", "sectors are not what was written, and no rule explains why");

    /** The evidence a rule needs before it may name a defect. */
    public enum Need {
        /** The device's own command log (the emulated controller's, or a recorded one). */
        COMMAND_LOG,
        /** The damaged ranges' device addresses (LBAs), to find the commands that wrote them. */
        DEVICE_ADDRESSES,
        /** The cell's own steps: which promised the data (fsync, sync, unmount, eject, reboot) and which cut the power. */
        HOST_STEPS
    }

    private final String category;
    private final String sentence;
    private final Set<Need> needs;

    Defect(String category, String sentence, Need... needs) {
        this.category = category;
        this.sentence = sentence;
        this.needs = needs.length == 0 ? EnumSet.noneOf(Need.class) : EnumSet.copyOf(Arrays.asList(needs));
    }

    /** "transfer-length", as suites, the manifest and the {@code defect} label write it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The report category of failed cells with this defect. */
    public String category() {
        return category;
    }

    /** What the defect is, in one clause. */
    public String sentence() {
        return sentence;
    }

    public Set<Need> needs() {
        return needs;
    }

    /** The defect named {@code label}, if there is one. */
    public static Optional<Defect> of(String label) {
        return Arrays.stream(values()).filter(d -> d.label().equals(label)).findFirst();
    }

    /** "transfer-length, torn-write, ...": every name, for messages. */
    public static String labels() {
        return Arrays.stream(values()).map(Defect::label).collect(Collectors.joining(", "));
    }
}
