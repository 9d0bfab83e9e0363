package dev.orchestrate.device;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a diskutil command failed, as it printed it: "Error: -69825: Wiping volume data to prevent future
 * accidental probing failed." The code is what Apple's documentation and the forums are searched by;
 * a driver that breaks partitionDisk shows up here, so a step reports it as the cell's finding.
 */
public record DiskutilFailure(int code, String message) {

    private static final Pattern ERROR = Pattern.compile("^Error(?: \\w+)*:\\s*\\(?(-\\d+)\\)?:?\\s*(.*)$");

    /** The first "Error: -NNNNN: ..." line of {@code output}; empty when diskutil printed none (killed, or no code). */
    public static Optional<DiskutilFailure> parse(String output) {
        for (String line : output.lines().toList()) {
            Matcher m = ERROR.matcher(line.strip());
            if (m.matches()) {
                return Optional.of(new DiskutilFailure(Integer.parseInt(m.group(1)), m.group(2).strip()));
            }
        }
        return Optional.empty();
    }

    /** "diskutil error -69825: Wiping volume data to prevent future accidental probing failed." */
    public String describe() {
        return "diskutil error " + code + (message.isEmpty() ? "" : ": " + message);
    }
}
