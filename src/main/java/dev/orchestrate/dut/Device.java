package dev.orchestrate.dut;

import dev.orchestrate.suite.Cell;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One cell's device, opened by its target for the cell and closed with the cell's outcome: where the
 * cell's files go, where verification reads them back, the region it scans, and the device's
 * abilities as typed, optional accessors: a device has an ability by implementing its interface.
 * Everything that lasts only for a cell lives here.
 */
public interface Device {

    /** The cell the device was opened for. */
    Cell cell();

    /** Where file {@code index} (1-based) goes. */
    Placement place(int index);

    /** Where file {@code index} goes when it is called {@code name}: on a file system under that name; a raw placement has none. */
    default Placement place(int index, String name) {
        Placement p = place(index);
        return p.raw() ? p : new Placement(p.path().resolveSibling(name), p.deviceOffset(), p.blockSize());
    }

    /** Where verification reads file {@code index}, called {@code name}, back: the known-good path of this device. */
    default ReadBack readBack(int index, String name) {
        Placement p = place(index, name);
        return p.raw() ? readRaw(p) : ReadBack.file(p.path());
    }

    /** How a file placed raw at {@code p} (moved by a copy's alignment offset, if any) is read back: directly at its device offset. */
    default ReadBack readRaw(Placement p) {
        return ReadBack.raw(p.path(), p.deviceOffset(), p.blockSize());
    }

    /**
     * The part of the device the cell used, on the known-good path, where verification looks for the
     * run's sectors outside the files; with {@code wholeDevice}, all of the device. A device read
     * through a file system has none.
     */
    default Region region(boolean wholeDevice) {
        return Region.none("this target is read through its file system, so there is no device to scan");
    }

    /**
     * The maximum transfer the device publishes to the host, in bytes (IOMaximumByteCountWrite on
     * macOS, max_sectors_kb on Linux): the longest command the host should send it. Empty when it
     * publishes none, or it is not known; the diagnosis names it beside damage that follows a
     * command's length.
     */
    default OptionalLong maxTransfer() {
        return OptionalLong.empty();
    }

    /**
     * Shuts the device down as a reboot or power cut that ends the process will, keeping what the
     * cell needs to go on after it; the device is not closed then, the resumed process opens it again.
     */
    default void shutDownFor(Resumable.Boundary boundary) {
    }

    /** Tears down what the cell set up; a passed cell's files leave the device, a failed cell's stay as evidence. */
    void close(boolean passed, List<Placement> placements);

    default Optional<Mountable> mountable() {
        return offered(Mountable.class);
    }

    default Optional<Ejectable> ejectable() {
        return offered(Ejectable.class);
    }

    default Optional<Rebootable> rebootable() {
        return offered(Rebootable.class);
    }

    default Optional<PowerSwitch> powerSwitch() {
        return offered(PowerSwitch.class);
    }

    default Optional<Purgeable> purgeable() {
        return offered(Purgeable.class);
    }

    default Optional<FaultInjection> faultInjection() {
        return offered(FaultInjection.class);
    }

    default Optional<CommandLogged> commandLogged() {
        return offered(CommandLogged.class);
    }

    default Optional<DiskOperations> diskOperations() {
        return offered(DiskOperations.class);
    }

    /** A device's abilities are the ability interfaces it implements; this is the one place that asks. */
    private <T> Optional<T> offered(Class<T> ability) {
        return ability.isInstance(this) ? Optional.of(ability.cast(this)) : Optional.empty();
    }
}
