package dev.orchestrate.step;

import dev.orchestrate.outcome.NotRunnable;
import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.process.Command;
import dev.orchestrate.process.Outcome;
import dev.orchestrate.process.Processes;
import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Section;
import dev.orchestrate.target.Placement;
import dev.orchestrate.tool.Tool;
import dev.orchestrate.tool.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Copies every source file of the cell to its placement on the target with one tool, as a real process. */
record Copy(Tool tool, Options options) implements Action {

    static final Section SECTION = section();

    private static Section section() {
        Map<String, Section.Variant> variants = new LinkedHashMap<>();
        Tools.ALL.forEach(t -> variants.put(t.name(), new Section.Variant(t.help(), t.keys())));
        return Section.withVariants("copy", "Copies the cell's source files onto the target with one tool, run as a real process.", List.of(
                Key.required("tool", Key.Type.TEXT, "the copy tool: " + String.join(", ", variants.keySet())),
                Key.optional("timeout", Key.Type.DURATION, "10m", "how long one copy may take before the rig is declared broken")),
                "tool", variants);
    }

    static Copy of(Options o) {
        return new Copy(Tools.named(o.text("tool")).orElseThrow(), o);
    }

    @Override
    public String title() {
        String own = tool.keys().stream().map(k -> k.name() + "=" + options.text(k.name())).reduce((a, b) -> a + " " + b).orElse("");
        return "copy with " + tool.name() + (own.isEmpty() ? "" : " (" + own + ")");
    }

    @Override
    public void run(CellContext cell) {
        tool.unavailable().ifPresent(reason -> {
            throw new NotRunnable(reason);
        });
        if (cell.sources().isEmpty()) {
            throw new RigBroken("copy: no source files; a 'generate' step must come first");
        }
        for (CellContext.Source source : cell.sources()) {
            Placement to = cell.placement(source.index());
            Command command = tool.command(source.path(), to, options);
            String activity = tool.name() + " " + CellContext.fileName(source.index());
            if (!to.raw()) {
                createParent(to);
            }
            Outcome outcome = Processes.run(command, () -> poll(cell, activity, to, source.file().size()));
            cell.evidence().attachText(activity + " (exit " + outcome.exitCode() + ")", outcome.describe());
            DeviceErrors.check(tool.name() + " copying " + CellContext.fileName(source.index()), outcome);
        }
        cell.copied(cell.sources());
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
