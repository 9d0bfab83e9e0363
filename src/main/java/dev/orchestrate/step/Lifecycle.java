package dev.orchestrate.step;

import dev.orchestrate.suite.Section;
import dev.orchestrate.dut.Ejectable;
import dev.orchestrate.dut.Mountable;
import dev.orchestrate.dut.PowerSwitch;
import dev.orchestrate.dut.Purgeable;
import dev.orchestrate.dut.Rebootable;
import dev.orchestrate.dut.Resumable;
import dev.orchestrate.dut.Resumable.Boundary;
import dev.orchestrate.outcome.RebootPending;
import dev.orchestrate.dut.Target;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** The lifecycle steps: each an ability of the target, and each with the promise it makes about durability. */
enum Lifecycle implements Action {
    UNMOUNT(Mountable.class, t -> ((Mountable) t).unmount(),
            "Unmounts the volume. The OS writes back everything it holds and asks the device to flush: the point where the OS promises the data reached the device."),
    MOUNT(Mountable.class, t -> ((Mountable) t).mount(),
            "Mounts the volume again (after an eject, the device is attached again first)."),
    EJECT(Ejectable.class, t -> ((Ejectable) t).eject(),
            "Unmounts, detaches and releases the device; a correct controller destages its cache on release."),
    REBOOT(Rebootable.class, t -> boundary(t, Boundary.REBOOT, () -> ((Rebootable) t).reboot()),
            "Clean shutdown of host and device (unmount, detach, controller shutdown), then power on, attach and mount again. "
                    + "On a target whose reboot ends the run (emulated: reboot: resume; linux-block and macos-disk: their reboot-command),"
                    + " the run stops here (exit 4) and 'orchestrate resume' continues it."),
    POWER_CUT(PowerSwitch.class, t -> boundary(t, Boundary.POWER_CUT, () -> ((PowerSwitch) t).powerCut()),
            "Cuts power: the controller loses what it never destaged and the host is cut off mid-flight; then power returns and the volume is mounted again. "
                    + "Only data covered by a completed flush must survive. On linux-block and macos-disk the target's power-cut-command does it (a switched PDU):"
                    + " the run stops here (exit 4) and the resume hook continues it at the next boot."),
    PURGE(Purgeable.class, t -> ((Purgeable) t).purge(),
            "Drops the host's clean cached pages (and the device's buffer cache), so the next read goes to the device. Needs root.");

    /** A reboot or power cut that ends the process stops the cell here, not finished: the engine saves the journal and the resume goes on. */
    private static void boundary(Target target, Boundary boundary, Runnable withinTheRun) {
        if (target instanceof Resumable r && r.endsProcess(boundary)) {
            r.shutDownFor(boundary);
            throw new RebootPending("not finished: the " + boundary.step() + " ended the run here; 'orchestrate resume' continues the cell after it");
        }
        withinTheRun.run();
    }

    private final Class<?> ability;
    private final Consumer<Target> act;
    private final String help;

    Lifecycle(Class<?> ability, Consumer<Target> act, String help) {
        this.ability = ability;
        this.act = act;
        this.help = help;
    }

    String kind() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    Class<?> ability() {
        return ability;
    }

    Section section() {
        return Section.of(kind(), help, List.of());
    }

    @Override
    public String title() {
        return kind();
    }

    @Override
    public void run(CellContext cell) {
        act.accept(cell.target());
    }
}
