package dev.orchestrate.step;

import dev.orchestrate.diagnosis.HostHistory;
import dev.orchestrate.dut.Ability;
import dev.orchestrate.dut.Device;
import dev.orchestrate.dut.Resumable.Boundary;
import dev.orchestrate.outcome.RebootPending;
import dev.orchestrate.suite.Section;
import dev.orchestrate.suite.Step;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** The lifecycle steps: each an ability of the device, and each with the promise it makes about durability. */
enum Lifecycle implements Action {
    UNMOUNT(Ability.MOUNT, d -> Ability.required(d.mountable()).unmount(), Effect.UNMOUNTS,
            "Unmounts the volume. The OS writes back everything it holds and asks the device to flush: "
                    + "the point where the OS promises the data reached the device."),
    MOUNT(Ability.MOUNT, d -> Ability.required(d.mountable()).mount(), Effect.MOUNTS,
            "Mounts the volume again (after an eject, the device is attached again first)."),
    EJECT(Ability.EJECT, d -> Ability.required(d.ejectable()).eject(), Effect.UNMOUNTS,
            "Unmounts, detaches and releases the device; a correct controller destages its cache on release."),
    REBOOT(Ability.REBOOT, d -> Ability.required(d.rebootable()).reboot(), Effect.REMOUNTS,
            "Clean shutdown of host and device (unmount, detach, controller shutdown), then power on, attach and mount again. "
                    + "On a target whose reboot ends the run (emulated: reboot: resume; linux-block and macos-disk: their reboot-command),"
                    + " the run stops here (exit 4) and 'orchestrate resume' continues it."),
    POWER_CUT(Ability.POWER_CUT, d -> Ability.required(d.powerSwitch()).powerCut(), Effect.CUTS,
            "Cuts power: the controller loses what it never destaged and the host is cut off mid-flight; "
                    + "then power returns and the volume is mounted again. "
                    + "Only data covered by a completed flush must survive. "
                    + "On linux-block and macos-disk the target's power-cut-command does it (a switched PDU):"
                    + " the run stops here (exit 4) and the resume hook continues it at the next boot."),
    PURGE(Ability.PURGE, d -> Ability.required(d.purgeable()).purge(), Effect.NONE,
            "Drops the host's clean cached pages (and the device's buffer cache), so the next read goes to the device. Needs root.");

    /** What a lifecycle step does to the volume and to the host's caches, as the check mode follows them. */
    private enum Effect {
        /** The volume goes away, and the host's caches are written back first. */
        UNMOUNTS,
        /** The volume comes back. */
        MOUNTS,
        /** A clean shutdown writes everything back; the volume comes back mounted. */
        REMOUNTS,
        /** The volume comes back mounted, and nothing was written back. */
        CUTS,
        NONE
    }

    /** The registry entries of the lifecycle steps. */
    static final List<StepKind> KINDS = Arrays.stream(values()).map(l -> StepKind.needing(l.ability, l.section(), o -> l)).toList();

    private final Ability ability;
    private final Consumer<Device> act;
    private final Effect effect;
    private final String help;

    Lifecycle(Ability ability, Consumer<Device> act, Effect effect, String help) {
        this.ability = ability;
        this.act = act;
        this.effect = effect;
        this.help = help;
    }

    String kind() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    Section section() {
        return Section.of(kind(), help, List.of());
    }

    @Override
    public String title() {
        return kind();
    }

    @Override
    public void check(Step step, Plan plan) {
        switch (effect) {
            case UNMOUNTS -> {
                plan.unmountedBy = kind();
                plan.unflushed = null;
            }
            case REMOUNTS -> {
                plan.unmountedBy = null;
                plan.unflushed = null;
            }
            case MOUNTS, CUTS -> plan.unmountedBy = null;
            case NONE -> {
            }
        }
    }

    /** Unmount, eject and a clean reboot promise every file on the target; a power cut ends what was never promised. */
    @Override
    public List<HostHistory.Step> hostSteps(int number, CellContext cell) {
        return switch (effect) {
            case UNMOUNTS, REMOUNTS -> List.of(new HostHistory.Step(number, HostHistory.Kind.PROMISE, title(), Set.of()));
            case CUTS -> List.of(new HostHistory.Step(number, HostHistory.Kind.POWER_CUT, title(), Set.of()));
            case MOUNTS, NONE -> List.of();
        };
    }

    /**
     * A reboot or power cut that ends the process stops the cell here, not finished: the engine saves
     * the journal and the resume goes on.
     */
    @Override
    public void run(CellContext cell) {
        Optional<Boundary> boundary = Boundary.of(kind()).filter(b -> cell.target().resumable().filter(r -> r.endsProcess(b)).isPresent());
        if (boundary.isPresent()) {
            cell.device().shutDownFor(boundary.get());
            throw new RebootPending("not finished: the " + boundary.get().step()
                    + " ended the run here; 'orchestrate resume' continues the cell after it");
        }
        act.accept(cell.device());
    }
}
