package dev.orchestrate.dut;

import dev.orchestrate.process.Outcome;
import dev.orchestrate.report.Evidence;
import dev.orchestrate.suite.Cell;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One cell on a Mac's disk: its files where {@code files} puts them (the raw node, or the run's
 * volume), and the disk's unmount, mount, eject, partition and erase through its target's runners;
 * {@link Recorded} when the disk's I/O is recorded for the cell's command log.
 */
sealed class MacosDevice implements Device, Mountable, Ejectable, DiskOperations permits MacosDevice.Recorded {

    /**
     * A cell whose disk I/O fs_usage records: the command log made from the recording, with the steps
     * marked; a repartitioned disk places the rows from then on by its new partitions.
     */
    static final class Recorded extends MacosDevice implements CommandLogged {

        private final MacosTarget target;
        private final FsUsageRecorder recorder;
        private final Evidence evidence;

        Recorded(Device files, MacosTarget target, FsUsageRecorder recorder, Evidence evidence) {
            super(files, target);
            this.target = target;
            this.recorder = recorder;
            this.evidence = evidence;
        }

        @Override
        public Path commandLog() {
            return recorder.commandLog();
        }

        @Override
        public void markStep(String title) {
            recorder.markStep(title);
        }

        @Override
        public Optional<String> incomplete() {
            return recorder.incomplete();
        }

        @Override
        public Outcome partitionDisk(String format, long bytes) {
            Outcome made = super.partitionDisk(format, bytes);
            recorder.repartitioned(target.nodes());
            return made;
        }

        @Override
        public Outcome eraseDisk(String format) {
            Outcome erased = super.eraseDisk(format);
            recorder.repartitioned(target.nodes());
            return erased;
        }

        /** The host goes down next: what was recorded up to here is the log the resumed cell goes on from. */
        @Override
        public void shutDownFor(Resumable.Boundary boundary) {
            recorder.close();
        }

        @Override
        public void close(boolean passed, List<Placement> placements) {
            try {
                recorder.close();
            } finally {
                recorder.incomplete().ifPresent(why -> evidence.attachText("command log", why));
                super.close(passed, placements);
            }
        }
    }

    /** A cell's files on the run's volume, read back through its file system and the buffer cache. */
    record Volume(Cell cell, Path mountPoint, int blockSize) implements Device {

        @Override
        public Placement place(int index) {
            return new Placement(mountPoint.resolve(cell.slug()).resolve("file-" + index + ".bin"), -1, blockSize);
        }

        @Override
        public ReadBack readBack(int index, String name) {
            return ReadBack.file(place(index, name).path(), "read through the driver under test: the files on " + mountPoint
                    + ", through the file system and the buffer cache", blockSize);
        }

        /** The partition is remade by the next run. */
        @Override
        public void close(boolean passed, List<Placement> placements) {
        }
    }

    private final Device files;
    private final MacosTarget disk;
    private boolean unmounted;

    MacosDevice(Device files, MacosTarget disk) {
        this.files = files;
        this.disk = disk;
    }

    @Override
    public Cell cell() {
        return files.cell();
    }

    @Override
    public Placement place(int index) {
        return files.place(index);
    }

    @Override
    public ReadBack readBack(int index, String name) {
        return files.readBack(index, name);
    }

    @Override
    public ReadBack readRaw(Placement p) {
        return files.readRaw(p);
    }

    @Override
    public Region region(boolean wholeDevice) {
        return files.region(wholeDevice);
    }

    /** Raw regions stay as the record of what happened; the partition is remade by the next run. */
    @Override
    public void close(boolean passed, List<Placement> placements) {
    }

    @Override
    public void unmount() {
        disk.unmount();
        unmounted = true;
    }

    @Override
    public void mount() {
        disk.mount();
        unmounted = false;
    }

    @Override
    public boolean mounted() {
        return !disk.raw() && !unmounted && !disk.ejected();
    }

    @Override
    public void eject() {
        disk.eject();
    }

    @Override
    public Outcome partitionDisk(String format, long bytes) {
        return disk.partitionDisk(format, bytes);
    }

    @Override
    public Outcome eraseDisk(String format) {
        return disk.eraseDisk(format);
    }
}
