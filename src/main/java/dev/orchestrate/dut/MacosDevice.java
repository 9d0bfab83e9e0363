package dev.orchestrate.dut;

import dev.orchestrate.process.Outcome;
import dev.orchestrate.suite.Cell;
import java.nio.file.Path;
import java.util.List;

/**
 * One cell on a Mac's disk: its files where {@code files} puts them (the raw node, or the run's
 * volume), and the disk's unmount, mount, eject, partition and erase through its target's runners.
 */
final class MacosDevice implements Device, Mountable, Ejectable, DiskOperations {

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
