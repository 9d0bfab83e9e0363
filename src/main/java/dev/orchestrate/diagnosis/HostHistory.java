package dev.orchestrate.diagnosis;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the cell's own steps did for durability, in order: which copied the files, which promised
 * them (fsync of a file, sync, unmount, eject, a clean reboot, a copy that flushes), which cut the
 * power. The host's promises are the durability oracle's contract; the device's command log says
 * whether the device kept them.
 */
public record HostHistory(List<Step> steps) {

    /** What a step did. */
    public enum Kind {
        /** Wrote files to the target. */
        COPY,
        /** Asked the host to make files durable: after it, a power cut may not lose them. */
        PROMISE,
        /** Cut the power: data never promised may be gone. */
        POWER_CUT
    }

    /**
     * @param number the step's place in the cell, from 1
     * @param title the step's title, as the command log marks it
     * @param files the files it concerns, by name; empty for every file on the target
     */
    public record Step(int number, Kind kind, String title, Set<String> files) {

        boolean concerns(String file) {
            return files.isEmpty() || files.contains(file);
        }
    }

    /** Where the cell's steps are not known (a manifest verified offline): every file counts as promised. */
    public static final HostHistory UNKNOWN = new HostHistory(List.of());

    public HostHistory {
        steps = List.copyOf(steps);
    }

    public boolean known() {
        return !steps.isEmpty();
    }

    /** The last step that copied {@code file}. */
    public Optional<Step> lastCopy(String file) {
        int at = lastCopyAt(file);
        return at < 0 ? Optional.empty() : Optional.of(steps.get(at));
    }

    /** The first step after the last copy of {@code file} that promised it (a copy that flushes promises what it copied). */
    public Optional<Step> promise(String file) {
        return after(lastCopyAt(file), s -> s.kind() == Kind.PROMISE && s.concerns(file));
    }

    /** The first power cut after the last copy of {@code file}. */
    public Optional<Step> cut(String file) {
        return after(lastCopyAt(file), s -> s.kind() == Kind.POWER_CUT);
    }

    private int lastCopyAt(String file) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).kind() == Kind.COPY && steps.get(i).concerns(file)) {
                return i;
            }
        }
        return -1;
    }

    /** The first step after index {@code from}, in the order they happened, that {@code wanted} accepts. */
    private Optional<Step> after(int from, Predicate<Step> wanted) {
        return steps.subList(from + 1, steps.size()).stream().filter(wanted).findFirst();
    }

    /**
     * Whether {@code file} had to survive: it was promised before the first power cut after its last
     * copy, or no power cut came at all (then nothing excuses a loss). Unknown steps promise everything.
     */
    public boolean promised(String file) {
        if (!known()) {
            return true;
        }
        return cut(file).isEmpty() || promisedBeforeCut(file);
    }

    /** Whether a step promised {@code file} after its last copy, and before a power cut if one came. */
    public boolean promisedBeforeCut(String file) {
        Optional<Step> cut = cut(file);
        return promise(file).filter(p -> cut.isEmpty() || steps.indexOf(p) < steps.indexOf(cut.get())).isPresent();
    }
}
