package dev.orchestrate.device;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a diskutil command failed, as it printed it. diskutil prints the code first ("Error: -69825: Wiping
 * volume data to prevent future accidental probing failed."); Disk Utility's own messages, which
 * diskutil passes on, put it last ("Couldn't unmount disk. : (-69888)"). The code is what Apple's
 * documentation and the forums are searched by; a driver that breaks partitionDisk shows up here, so a
 * step reports it as the cell's finding.
 */
public record DiskutilFailure(int code, String message) {

    private static final Pattern ERROR = Pattern.compile("^Error(?: \\w+)*:\\s*\\(?(-\\d+)\\)?:?\\s*(.*)$");
    private static final Pattern CODE_LAST = Pattern.compile("^(.*?)[\\s.]*:\\s*\\((-\\d+)\\)$");

    /** The first line of {@code output} in either form; empty when diskutil printed none (killed, or no code). */
    public static Optional<DiskutilFailure> parse(String output) {
        for (String line : output.lines().map(String::strip).toList()) {
            Matcher first = ERROR.matcher(line);
            if (first.matches()) {
                return Optional.of(new DiskutilFailure(Integer.parseInt(first.group(1)), first.group(2).strip()));
            }
            Matcher last = CODE_LAST.matcher(line);
            if (last.matches()) {
                return Optional.of(new DiskutilFailure(Integer.parseInt(last.group(2)), last.group(1).strip()));
            }
        }
        return Optional.empty();
    }

    /** "diskutil error -69825: Wiping volume data to prevent future accidental probing failed." */
    public String describe() {
        return "diskutil error " + code + (message.isEmpty() ? "" : ": " + message);
    }
}
