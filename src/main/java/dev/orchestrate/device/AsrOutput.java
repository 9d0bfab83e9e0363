package dev.orchestrate.device;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code asr restore} printed: the steps it finished ("Validating target...done"), how far each
 * progress bar got ("Restoring  ....10....20"), the device it restored to, and its error lines
 * ("asr: Couldn't restore - Input/output error"). Output cut short leaves {@code completed} false.
 */
public record AsrOutput(List<String> stepsDone, int restoredPercent, int verifiedPercent, String restoredDevice,
                        boolean completed, List<String> errors) {

    private static final Pattern STEP = Pattern.compile("^(.+?)\\.\\.\\.done$");
    private static final Pattern BAR = Pattern.compile("^(Restoring|Verifying)\\s+([.\\d]*)$");
    /** Marks are multiples of ten; a bar cut mid-mark ends in a fragment such as "....3". */
    private static final Pattern MARK = Pattern.compile("\\d+");
    private static final Pattern DEVICE = Pattern.compile("^Restored target device is (/dev/\\S+?)\\.?$");

    public static AsrOutput parse(String output) {
        List<String> steps = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int restored = 0;
        int verified = 0;
        String device = null;
        boolean completed = false;
        for (String raw : output.lines().toList()) {
            String line = raw.strip();
            Matcher m;
            if ((m = STEP.matcher(line)).matches()) {
                steps.add(m.group(1));
            } else if ((m = BAR.matcher(line)).matches()) {
                int percent = MARK.matcher(m.group(2)).results().mapToInt(r -> Integer.parseInt(r.group()))
                        .filter(mark -> mark % 10 == 0).max().orElse(0);
                if (m.group(1).equals("Restoring")) {
                    restored = percent;
                } else {
                    verified = percent;
                }
            } else if ((m = DEVICE.matcher(line)).matches()) {
                device = m.group(1);
            } else if (line.equals("Restore completed successfully.")) {
                completed = true;
            } else if (line.startsWith("asr: ") || line.startsWith("Could not ")) {
                errors.add(line);
            }
        }
        return new AsrOutput(List.copyOf(steps), restored, verified, device, completed && errors.isEmpty(), List.copyOf(errors));
    }

    /** For a report: "restored 30 %, then: asr: Couldn't restore - Input/output error". */
    public String summary() {
        if (completed) {
            return "restored to " + restoredDevice + (verifiedPercent == 100 ? ", verified" : "");
        }
        String stopped = "stopped at " + restoredPercent + " % restored" + (stepsDone.isEmpty() ? "" : " after " + stepsDone.getLast());
        return errors.isEmpty() ? stopped + " with no error printed (output cut short: killed or timed out?)"
                : stopped + ": " + String.join("; ", errors);
    }
}
