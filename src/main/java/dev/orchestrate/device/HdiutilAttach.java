package dev.orchestrate.device;

import dev.orchestrate.outcome.RigBroken;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The device {@code hdiutil attach -nomount ram://N} created. It prints one line per device, the node
 * first and then tab-padded columns that are empty for a RAM disk ({@code "/dev/disk8          \t   \t"}).
 */
public final class HdiutilAttach {

    private static final Pattern NODE = Pattern.compile("^/dev/(disk\\d+)(?:\\s|$)");

    private HdiutilAttach() {
    }

    /** The identifier of the first device printed ("disk8"). */
    public static String device(String output, String source) {
        for (String line : output.lines().toList()) {
            Matcher m = NODE.matcher(line.strip());
            if (m.find()) {
                return m.group(1);
            }
        }
        String said = output.strip().isEmpty() ? "nothing" : "'" + output.strip().lines().reduce((a, b) -> b).orElse("") + "'";
        throw new RigBroken(source + ": hdiutil attach printed no /dev/diskN line (it said " + said
                + "); check the ram:// size is a whole number of 512-byte sectors and that memory is free");
    }
}
