package dev.orchestrate.process;

import java.io.PrintWriter;

/**
 * The two runners of a lab target: {@code looks} for commands that only read (diskutil info, ioreg),
 * which run even in a dry run, and {@code changes} for every command that writes to a device or
 * changes what the host has attached or mounted (diskutil eraseDisk, dd onto a device, hdiutil, umount).
 */
public record Runners(Runner looks, Runner changes) {

    public static final Runners LIVE = new Runners(Runner.LIVE, Runner.LIVE);

    /** Looks for real, prints every change to {@code out}. */
    public static Runners dryRun(PrintWriter out) {
        return new Runners(Runner.LIVE, Runner.printing(out));
    }
}
