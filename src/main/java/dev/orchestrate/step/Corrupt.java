package dev.orchestrate.step;

import dev.orchestrate.dut.Placement;
import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Section;
import dev.orchestrate.suite.Size;
import dev.orchestrate.suite.Step;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Test aid: damages a byte range of a copied file on the target, so the failure path of a suite can
 * be exercised end to end. On a raw target it writes into the image at the file's device offset.
 */
record Corrupt(int file, long offset, long length, String with) implements Action {

    static final Section SECTION = Section.of("corrupt",
            "Test aid: damages a byte range of a copied file where it lies on the target, to exercise the failure path.", List.of(
            Key.required("offset", Key.Type.SIZE, "where the damage starts, as an offset in the file"),
            Key.optional("length", Key.Type.SIZE, "4KiB", "how many bytes to damage"),
            Key.optional("file", Key.Type.COUNT, "1", "which of the cell's files (1 is the first)"),
            Key.choice("with", "zeros", List.of("none", "zeros", "random", "flip"),
                    "none: leave it intact (a control cell); zeros: a lost write; random: foreign data; "
                            + "flip: one bit flipped in every 512 bytes (bit rot)")));

    static Corrupt of(Options o) {
        return new Corrupt((int) o.count("file"), o.size("offset"), o.size("length"), o.text("with"));
    }

    @Override
    public String title() {
        if (with.equals("none") || length == 0) {
            return "corrupt nothing (control)";
        }
        return "corrupt " + CellContext.fileName(file) + " at " + new Size(offset) + " for " + new Size(length) + " with " + with;
    }

    /** The damage needs a copied file, and lies within the generated files. */
    @Override
    public void check(Step step, Plan plan) {
        Options o = step.options();
        if (!plan.copied) {
            plan.problem(step.at(), "'corrupt' comes before any 'copy': there is nothing on the target yet");
        } else if (o.size("offset") + o.size("length") > plan.size || o.count("file") > plan.files || o.count("file") < 1) {
            plan.problem(step.at(), "corrupt: " + o.text("length") + " at " + o.text("offset") + " of file " + o.text("file")
                    + " lies outside the generated files (" + plan.files + " of " + Size.grouped(plan.size) + " bytes each)");
        }
    }

    @Override
    public void run(CellContext cell) {
        if (with.equals("none") || length == 0) {
            return;
        }
        if (cell.onTarget().stream().noneMatch(s -> s.index() == file)) {
            throw new RigBroken("corrupt: " + CellContext.fileName(file) + " was never copied to the target");
        }
        Placement at = cell.placement(file);
        long base = at.raw() ? at.deviceOffset() : 0;
        try (FileChannel channel = FileChannel.open(at.path(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.allocate((int) length);
            channel.read(bytes, base + offset);
            byte[] data = bytes.array();
            switch (with) {
                case "zeros" -> Arrays.fill(data, (byte) 0);
                case "random" -> new Random(offset).nextBytes(data);
                default -> {
                    for (int i = 100 % data.length; i < data.length; i += 512) {
                        data[i] ^= 1;
                    }
                }
            }
            channel.write(ByteBuffer.wrap(data), base + offset);
            channel.force(true);
        } catch (IOException e) {
            throw new RigBroken("corrupt: cannot write " + at.path() + ": " + e.getMessage(), e);
        }
    }
}
