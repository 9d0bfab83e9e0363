package dev.orchestrate.step;

import dev.orchestrate.data.SectorClass;
import dev.orchestrate.data.SectorFormat;
import dev.orchestrate.data.StampedFile;
import dev.orchestrate.diagnosis.HostHistory;
import dev.orchestrate.dut.Device;
import dev.orchestrate.dut.Placement;
import dev.orchestrate.dut.ReadBack;
import dev.orchestrate.dut.Region;
import dev.orchestrate.dut.Target;
import dev.orchestrate.process.Runners;
import dev.orchestrate.report.Evidence;
import dev.orchestrate.suite.Cell;
import dev.orchestrate.suite.Options;
import dev.orchestrate.tool.Leaves;
import dev.orchestrate.tool.Tool;
import dev.orchestrate.trace.LogFollower;
import dev.orchestrate.verify.DamagedRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One cell's run: its identity, the target and the cell's device once it is open, the runners its
 * commands go through, a scratch directory, and what the steps have done so far (the sources
 * generated, and what was last copied to the target, which is what verify expects).
 */
public final class CellContext {

    /** A generated source file on the host, outside the target. */
    public record Source(int index, StampedFile file, Path path) {

        /** The file's name, on the host and on the target alike. */
        public String name() {
            return path.getFileName().toString();
        }
    }

    /** The tool and options of the last copy: what it left on the target decides how verify reads it. */
    public record CopiedWith(Tool tool, Options options) {

        public Leaves leaves() {
            return tool.leaves(options);
        }
    }

    /** A file on the target: the source it was copied from, and where it was put. */
    public record Copied(Source source, Placement placement) {
    }

    /** File ids are unique in a run: the cell's ordinal in the matrix times this, plus the file's index. */
    public static final int FILES_PER_CELL = 1000;

    private final Cell cell;
    private final long runId;
    private final SectorFormat format;
    private final Target target;
    private final Path scratch;
    private final Evidence evidence;
    private final Runners runners;
    private Device device;
    private List<Source> sources = List.of();
    private List<Copied> copies = List.of();
    private CopiedWith copiedWith;
    private List<String> listing;
    private long shift;
    private final Map<Integer, ReadBack> verified = new HashMap<>();
    private Scan scanned;
    private Map<SectorClass, Long> sectors = Map.of();
    private List<DamagedRange> damaged = List.of();
    private final List<HostHistory.Step> history = new ArrayList<>();

    /** What verify last scanned outside the files: the verify step's {@code scan} and the region it came to. */
    public record Scan(String mode, Region region) {
    }

    private LogFollower commandLog;

    /** @param runners what the steps run commands through: for real, or printed in a dry run */
    public CellContext(Cell cell, long runId, SectorFormat format, Target target, Path scratch, Evidence evidence, Runners runners) {
        this.cell = cell;
        this.runId = runId;
        this.format = format;
        this.target = target;
        this.scratch = scratch;
        this.evidence = evidence;
        this.runners = runners;
    }

    public Cell cell() {
        return cell;
    }

    public long runId() {
        return runId;
    }

    public SectorFormat format() {
        return format;
    }

    public Target target() {
        return target;
    }

    /** The cell's device, from its setup to its teardown. */
    public Device device() {
        if (device == null) {
            throw new IllegalStateException("the device of " + cell.name() + " is not open");
        }
        return device;
    }

    /** Whether the cell's device was opened, so there is one to close. */
    public boolean opened() {
        return device != null;
    }

    void opened(Device opened) {
        this.device = opened;
    }

    public Runners runners() {
        return runners;
    }

    public Path scratch() {
        return scratch;
    }

    public Evidence evidence() {
        return evidence;
    }

    /** The cell's reader of the command log at {@code file}: one per cell, so that each read parses only what was added. */
    public synchronized LogFollower commandLog(Path file) {
        if (commandLog == null || !commandLog.file().equals(file)) {
            commandLog = new LogFollower(file);
        }
        return commandLog;
    }

    public int fileId(int index) {
        return (cell.ordinal() + 1) * FILES_PER_CELL + index;
    }

    public static String fileName(int index) {
        return "file-" + index + ".bin";
    }

    /** Names a file id of this run: "file-2.bin" for this cell's own, "file-2.bin of cell 5" for another cell's. */
    public String describeFile(int id) {
        int ordinal = id / FILES_PER_CELL - 1;
        int index = id % FILES_PER_CELL;
        return ordinal == cell.ordinal() ? name(index) : fileName(index) + " of cell " + ordinal;
    }

    public Placement placement(int index) {
        Placement p = device().place(index, name(index));
        return p.raw() ? new Placement(p.path(), p.deviceOffset() + shift, p.blockSize()) : p;
    }

    /** Moves every raw placement from now on by {@code bytes}: a copy's alignment offset. */
    void shift(long bytes) {
        this.shift = bytes;
    }

    /** Where verify reads a file back: raw at its (shifted) placement, else where the target says. */
    ReadBack readBackOf(Source s) {
        Placement p = placement(s.index());
        return p.raw() ? device().readRaw(p) : device().readBack(s.index(), s.name());
    }

    /** The name of file {@code index}: as generated, or file-N.bin before anything was. */
    public String name(int index) {
        return sources.stream().filter(s -> s.index() == index).findFirst().map(Source::name).orElse(fileName(index));
    }

    /** Where the files on the target were put when they were copied. */
    public List<Placement> placements() {
        return copies.stream().map(Copied::placement).toList();
    }

    /** The files on the target, each with where it was put. */
    public List<Copied> copies() {
        return copies;
    }

    /** Where verify last read file {@code index} back, if it did. */
    public Optional<ReadBack> lastReadBack(int index) {
        return Optional.ofNullable(verified.get(index));
    }

    void readBack(int index, ReadBack readBack) {
        verified.put(index, readBack);
    }

    /** What the steps so far did for durability. */
    public HostHistory history() {
        return new HostHistory(history);
    }

    void stepped(List<HostHistory.Step> steps) {
        history.addAll(steps);
    }

    /** The names of the files on the target. */
    Set<String> names() {
        return onTarget().stream().map(Source::name).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The sectors by class that verify last found; empty before it ran. */
    public Map<SectorClass, Long> sectors() {
        return sectors;
    }

    void sectors(Map<SectorClass, Long> counts) {
        this.sectors = Map.copyOf(counts);
    }

    /** The damaged ranges the last verify failed the cell on, in file order; empty when it passed or did not run. */
    public List<DamagedRange> damaged() {
        return damaged;
    }

    void damaged(List<DamagedRange> ranges) {
        this.damaged = List.copyOf(ranges);
    }

    /** What verify last scanned outside the files, if it ran. */
    public Optional<Scan> scanned() {
        return Optional.ofNullable(scanned);
    }

    void scanned(String mode, Region region) {
        scanned = new Scan(mode, region);
    }

    public List<Source> sources() {
        return sources;
    }

    public void generated(List<Source> files) {
        this.sources = List.copyOf(files);
    }

    /** What the target should now hold: the sources as they were when last copied. */
    public List<Source> onTarget() {
        return copies.stream().map(Copied::source).toList();
    }

    /** The order in which the previous verify listed the cell's named files, if one did. */
    public Optional<List<String>> lastListing() {
        return Optional.ofNullable(listing);
    }

    void listed(List<String> order) {
        this.listing = List.copyOf(order);
    }

    /** How the files on the target were copied; null before any copy (or when they were written some other way). */
    public CopiedWith copiedWith() {
        return copiedWith;
    }

    public void copied(List<Source> files, CopiedWith with) {
        this.copiedWith = with;
        this.copies = files.stream().map(s -> new Copied(s, placement(s.index()))).toList();
    }
}
