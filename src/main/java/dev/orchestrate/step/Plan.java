package dev.orchestrate.step;

import dev.orchestrate.dut.Targets;
import dev.orchestrate.suite.Cell;
import dev.orchestrate.suite.Location;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Problem;
import dev.orchestrate.suite.Step;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cell's steps walked without a device, in the check mode of {@link CellWalk}: what the steps so
 * far would have done, so that each step can say what is wrong with it before anything runs, and
 * what the cell's files take on the target.
 */
public final class Plan {

    /** The files a cell writes: how many, and the most room one takes (its size plus an alignment offset). */
    public record Footprint(int files, long largest) {
    }

    private final Options target;
    private final Cell cell;
    private final List<Problem> problems;
    private final Map<Location, Problem> warnings = new LinkedHashMap<>();

    // what the steps so far have done, as each step's check reads and moves it on
    boolean generated;
    boolean copied;
    boolean named;
    long size;
    long files;
    /** Why the last copy can only be read through the file system, or null. */
    String readsThroughFileSystem;
    /** The step that last took the volume away (unmount, eject), or null while it is mounted. */
    String unmountedBy;
    /** The last copy, while nothing since it flushed the host's caches, or null. */
    Step unflushed;

    private int mostFiles;
    private long largest;
    private long offset;

    Plan(Options target, Cell cell, List<Problem> problems) {
        this.target = target;
        this.cell = cell;
        this.problems = problems;
    }

    public Options target() {
        return target;
    }

    Cell cell() {
        return cell;
    }

    /** Whether verify reads the media behind the device's write cache, so only a flush makes a copy visible to it. */
    boolean readsMedia() {
        return Targets.kind(target).readsMedia();
    }

    /** Whether the target places files raw at device offsets. */
    boolean raw() {
        return Targets.raw(target);
    }

    /** "an image target", for messages. */
    String targetNamed() {
        return Targets.named(target);
    }

    void problem(Location at, String text) {
        problems.add(new Problem(at, text));
    }

    /** What is valid but cannot be what the author meant, said once per place. */
    void warn(Location at, String text) {
        warnings.putIfAbsent(at, new Problem(at, text));
    }

    void generates(int count, long bytes) {
        mostFiles = Math.max(mostFiles, count);
        largest = Math.max(largest, bytes);
    }

    void offsets(long bytes) {
        offset = Math.max(offset, bytes);
    }

    public List<Problem> warnings() {
        return List.copyOf(warnings.values());
    }

    public Footprint footprint() {
        return new Footprint(mostFiles, largest + offset);
    }
}
