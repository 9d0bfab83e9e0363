package dev.orchestrate.device;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code asr restore} printed and how it exited: the steps it finished ("Validating target...done"),
 * how far each progress bar got ("Restoring  ....10....20", a volume clone's "Replicating ....10"), the
 * device it restored to, and its error lines ("asr: Couldn't restore - Input/output error"). Its last
 * words differ by release: OS X 10.6 to 10.12 end at "Remounting target volume...done" with no "Restore
 * completed successfully.", and a newer volume clone may end on its "Replicating" bar. So the exit code
 * decides: a restore completed when asr exited 0 and printed no error; an error line still fails it,
 * and output cut short (killed, timed out) comes with another exit code.
 */
public record AsrOutput(List<String> stepsDone, int restoredPercent, int verifiedPercent, String restoredDevice,
                        int exitCode, boolean completed, List<String> errors) {

    private static final Pattern STEP = Pattern.compile("^(.+?)\\.\\.\\.done$");
    private static final Pattern BAR = Pattern.compile("^(Restoring|Replicating|Verifying)\\s+([.\\d]*)$");
    /** Marks are multiples of ten; a bar cut mid-mark ends in a fragment such as "....3". */
    private static final Pattern MARK = Pattern.compile("\\d+");
    private static final Pattern DEVICE = Pattern.compile("^Restored target device is (/dev/\\S+?)\\.?$");

    public AsrOutput {
        stepsDone = List.copyOf(stepsDone);
        errors = List.copyOf(errors);
    }

    public static AsrOutput parse(String output, int exitCode) {
        List<String> steps = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int restored = 0;
        int verified = 0;
        String device = null;
        for (String raw : output.lines().toList()) {
            String line = raw.strip();
            Matcher m;
            if ((m = STEP.matcher(line)).matches()) {
                steps.add(m.group(1));
            } else if ((m = BAR.matcher(line)).matches()) {
                int percent = MARK.matcher(m.group(2)).results().mapToInt(r -> Integer.parseInt(r.group()))
                        .filter(mark -> mark % 10 == 0).max().orElse(0);
                if (m.group(1).equals("Verifying")) {
                    verified = percent;
                } else {
                    restored = percent;
                }
            } else if ((m = DEVICE.matcher(line)).matches()) {
                device = m.group(1);
            } else if (line.startsWith("asr: ") || line.startsWith("Could not ")) {
                errors.add(line);
            }
        }
        return new AsrOutput(steps, restored, verified, device, exitCode, exitCode == 0 && errors.isEmpty(), errors);
    }

    /** For a report: "stopped at 30 % restored after Validating sizes: asr: Couldn't restore - Input/output error". */
    public String summary() {
        if (completed) {
            return "restored" + (restoredDevice == null ? "" : " to " + restoredDevice) + (verifiedPercent == 100 ? ", verified" : "");
        }
        String stopped = "stopped at " + restoredPercent + " % restored" + (stepsDone.isEmpty() ? "" : " after " + stepsDone.getLast());
        return errors.isEmpty() ? stopped + " with no error printed (exit code " + exitCode + ": killed or timed out?)"
                : stopped + ": " + String.join("; ", errors) + (exitCode == 0 ? " (though asr exited 0)" : "");
    }
}
