package dev.orchestrate.dut;

import java.util.Optional;
import java.util.function.Function;

/**
 * What a cell's device can do besides holding files: each lifecycle step, a fault and a disk
 * operation needs one. A target kind declares the abilities its devices have, so a suite is checked
 * before anything runs; a device offers each one through a typed accessor.
 */
public enum Ability {
    MOUNT("Mountable", Device::mountable),
    EJECT("Ejectable", Device::ejectable),
    REBOOT("Rebootable", Device::rebootable),
    POWER_CUT("PowerSwitch", Device::powerSwitch),
    PURGE("Purgeable", Device::purgeable),
    FAULTS("FaultInjection", Device::faultInjection),
    COMMAND_LOG("CommandLogged", Device::commandLogged),
    DISK_OPERATIONS("DiskOperations", Device::diskOperations);

    private final String label;
    private final Function<Device, Optional<?>> accessor;

    Ability(String label, Function<Device, Optional<?>> accessor) {
        this.label = label;
        this.accessor = accessor;
    }

    /** The ability's name in messages ("a 'directory' target cannot (Mountable)"). */
    public String label() {
        return label;
    }

    /** What a device offers, where a step uses it: the suite was checked against its kind's abilities before anything ran. */
    public static <T> T required(Optional<T> offered) {
        return offered.orElseThrow(() -> new IllegalStateException("the device lacks an ability its kind declares"));
    }

    /** Whether {@code device} offers it. */
    public boolean offeredBy(Device device) {
        return accessor.apply(device).isPresent();
    }
}
