package dev.orchestrate.tool;

import dev.orchestrate.dut.Placement;
import dev.orchestrate.host.Packages;
import dev.orchestrate.host.Platform;
import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.process.Command;
import dev.orchestrate.process.Executables;
import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Options;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * fio as a workload: it writes a file of the source's size with its own verify headers, queued
 * and in parallel, and checks them itself later. An independent cross-check of orchestrate's
 * verdicts: a fault that damages stamped data must make fio's own verify fail too.
 */
public final class Fio implements Tool {

    static final Profile PROFILE = Profile.of("fio",
            "fio: a queued write workload of the source's size with fio's own crc32c headers, checked later by fio --verify_only",
            List.of(Platform.LINUX, Platform.MACOS), Via.COMMAND,
            List.of(
                    Key.optional("block-size", Key.Type.SIZE, "128KiB", "fio's bs: the size of each write"),
                    Key.optional("iodepth", Key.Type.COUNT, "16", "writes in flight at once"),
                    Key.choice("ioengine", "libaio", List.of("libaio", "psync", "posixaio"), "libaio: Linux native asynchronous I/O;"
                            + " psync: one pwrite at a time; posixaio: the portable one (macOS)"),
                    Key.choice("direct", "yes", List.of("yes", "no"), "yes: O_DIRECT, bypassing the page cache")));

    @Override
    public Profile profile() {
        return PROFILE;
    }

    @Override
    public Leaves leaves(Options options) {
        return Leaves.OWN;
    }

    @Override
    public Optional<String> missing(Options options) {
        return Executables.missing("fio", Packages.hint("fio"));
    }

    @Override
    public Command command(Path source, Placement to, Options options) {
        return new Command(job(source, to, options, "--do_verify=0"), options.duration("timeout"));
    }

    @Override
    public CheckOutput checkOutput() {
        return new FioVerifyOutput();
    }

    @Override
    public Optional<Command> check(Path source, Placement to, Options options) {
        return Optional.of(new Command(job(source, to, options, "--verify_only"), options.duration("timeout")));
    }

    /**
     * The same job for the write and the check, so fio finds its headers where it put them. The
     * check goes on past a failed block (verify_fatal=0 alone still ends the job at its first error;
     * continue_on_error=verify does not), so that it names every bad block; the verify step stops it
     * once it has named enough.
     */
    private static List<String> job(Path source, Placement to, Options o, String phase) {
        List<String> argv = new ArrayList<>(List.of("fio", "--name=orchestrate", "--filename=" + to.path(), "--size=" + size(source),
                "--rw=write", "--bs=" + o.size("block-size"), "--ioengine=" + o.text("ioengine"), "--iodepth=" + o.count("iodepth"),
                "--direct=" + (o.text("direct").equals("yes") ? 1 : 0), "--verify=crc32c", "--verify_fatal=0", "--continue_on_error=verify",
                "--verify_state_save=0", "--verify_dump=0"));
        argv.add(phase);
        return argv;
    }

    private static long size(Path source) {
        try {
            return Files.size(source);
        } catch (IOException e) {
            throw new RigBroken("fio: cannot read the size of the source " + source + ": " + e.getMessage(), e);
        }
    }
}
