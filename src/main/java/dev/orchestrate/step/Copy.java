package dev.orchestrate.step;

import dev.orchestrate.diagnosis.HostHistory;
import dev.orchestrate.dut.Placement;
import dev.orchestrate.outcome.NotRunnable;
import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.process.Command;
import dev.orchestrate.process.Outcome;
import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Section;
import dev.orchestrate.suite.Step;
import dev.orchestrate.tool.Leaves;
import dev.orchestrate.tool.Tool;
import dev.orchestrate.tool.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Copies every source file of the cell to its placement on the target with one tool, as a real process. */
record Copy(Tool tool, Options options) implements Action {

    static final Key TEMPERATURE = Key.choice("temperature", "warm", List.of("warm", "cold", "fresh"),
            "the source's pages when the copy starts: "
                    + "warm, in the host's cache as generated; "
                    + "cold, flushed and dropped from the cache (macOS: purge), so the tool reads the disk; "
                    + "fresh, rewritten just before the copy, its pages still dirty");

    static final Key OFFSET = Key.optional("offset", Key.Type.SIZE, "0",
            "raw targets only: bytes added to each file's place on the device; "
                    + "one that is not a multiple of 4KiB makes every write start inside a block (an alignment sweep: 0, 512, 2048 ...)");

    static final Section SECTION = section();

    private static Section section() {
        Map<String, Section.Variant> variants = new LinkedHashMap<>();
        Tools.ALL.forEach(t -> variants.put(t.name(), new Section.Variant(t.describe(), t.keys())));
        return Section.withVariants("copy", "Copies the cell's source files onto the target with one tool, run as a real process.", List.of(
                Key.required("tool", Key.Type.TEXT,
                        "the copy tool: " + String.join(", ", variants.keySet()) + ", or a name from the suite's 'tools'"),
                TEMPERATURE,
                OFFSET,
                Key.optional("timeout", Key.Type.DURATION, "10m", "how long one copy may take before the rig is declared broken")),
                "tool", variants);
    }

    static Copy of(Options o) {
        return new Copy(Tools.named(o.text("tool")).orElseThrow(), o);
    }

    @Override
    public String title() {
        // only what differs from the defaults, so the title reads like the command a person would type
        String own = Stream.concat(tool.keys().stream(), Stream.of(TEMPERATURE, OFFSET))
                .filter(k -> !options.text(k.name()).equals(k.fallback()))
                .map(k -> k.name() + "=" + options.text(k.name())).collect(Collectors.joining(" "));
        return "copy with " + tool.name() + (own.isEmpty() ? "" : " (" + own + ")");
    }

    /**
     * A copy needs generated sources; a tool that needs a file system cannot write to a raw target; an
     * alignment offset means nothing on a file system. What the copy leaves decides how a verify after
     * it reads, and whether the host's caches still hold it.
     */
    @Override
    public void check(Step step, Plan plan) {
        if (!plan.generated) {
            plan.problem(step.at(), "'copy' has nothing to copy: put a 'generate' step before it");
        }
        plan.copied = true;
        plan.offsets(options.size("offset"));
        if (!plan.raw() && options.size("offset") != 0) {
            plan.problem(options.value("offset").at(), "offset places files raw on a device; on a '" + plan.target().text("kind")
                    + "' target the file system decides where they lie; use an image target, or remove offset");
        }
        if (plan.raw() && !tool.writesRaw()) {
            plan.problem(options.value("tool").at(), "tool '" + tool.name() + "' copies through a file system and cannot write to "
                    + plan.targetNamed() + "; use dd, or a directory target");
        }
        Leaves leaves = tool.leaves(options);
        plan.readsThroughFileSystem = leaves.throughFileSystem() ? tool.name() + " leaves " + leaves.help()
                : plan.named ? "the files are named from a name set, and only the file system can list the names" : null;
        plan.unflushed = leaves == Leaves.DATA && !tool.flushes(options) ? step : null;
    }

    @Override
    public Optional<String> unavailable() {
        return tool.unavailable(options);
    }

    @Override
    public void run(CellContext cell) {
        unavailable().ifPresent(reason -> {
            throw new NotRunnable(reason);
        });
        if (cell.sources().isEmpty()) {
            throw new RigBroken("copy: no source files; a 'generate' step must come first");
        }
        shift(cell);
        // one attachment for all the files' commands, also when one of them fails
        StringBuilder commands = new StringBuilder();
        try {
            for (CellContext.Source source : cell.sources()) {
                Placement to = cell.placement(source.index());
                Command command = command(cell, source);
                String activity = tool.name() + " " + source.name();
                if (!to.raw()) {
                    createParent(to);
                }
                Temperature.of(options.text("temperature")).apply(source, cell.evidence());
                Outcome outcome = cell.runners().changes().run(command, () -> poll(cell, activity, to, source.file().size()));
                commands.append(outcome.describe()).append('\n');
                DeviceErrors.check(cell, tool.name() + " copying " + source.name(), outcome);
            }
        } finally {
            if (!commands.isEmpty()) {
                cell.evidence().attachText(tool.name() + " commands and output", commands.toString());
            }
        }
        cell.copied(cell.sources(), new CellContext.CopiedWith(tool, options));
    }

    /** The files are on the target since before the reboot: only where they went is restored. */
    @Override
    public void resume(CellContext cell) {
        shift(cell);
        cell.copied(cell.sources(), new CellContext.CopiedWith(tool, options));
    }

    /** A copy writes the files; one whose tool flushes them (an fsync, synchronous writes) also promises them. */
    @Override
    public List<HostHistory.Step> hostSteps(int number, CellContext cell) {
        HostHistory.Step copied = new HostHistory.Step(number, HostHistory.Kind.COPY, title(), cell.names());
        return tool.flushes(options) ? List.of(copied, new HostHistory.Step(number, HostHistory.Kind.PROMISE, title(), cell.names()))
                : List.of(copied);
    }

    /** The command line of each file's copy, as the run would start it: the tool writes the device, so the dry run prints it. */
    @Override
    public void dryRun(CellContext cell) {
        resume(cell);
        cell.sources().forEach(source -> cell.runners().changes().run(command(cell, source)));
    }

    private Command command(CellContext cell, CellContext.Source source) {
        return tool.command(source.path(), cell.placement(source.index()), options);
    }

    private void shift(CellContext cell) {
        cell.shift(options.size("offset"));
    }

    private static void createParent(Placement to) {
        try {
            Files.createDirectories(to.path().getParent());
        } catch (IOException e) {
            throw new RigBroken("cannot create " + to.path().getParent() + " on the target: " + e.getMessage(), e);
        }
    }

    /** Progress of a copy through a file system is the size of the destination so far. */
    private static void poll(CellContext cell, String activity, Placement to, long total) {
        if (!to.raw()) {
            try {
                cell.evidence().progress(activity, Files.size(to.path()), total);
            } catch (IOException ignored) {
                // the tool has not created the file yet
            }
        }
    }
}
