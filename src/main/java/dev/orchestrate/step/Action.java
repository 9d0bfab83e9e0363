package dev.orchestrate.step;

import dev.orchestrate.diagnosis.HostHistory;
import dev.orchestrate.suite.Step;
import java.util.List;
import java.util.Optional;

/**
 * A step ready to run in a cell, in each mode of {@link CellWalk}. Throws
 * {@link dev.orchestrate.outcome.DataDamaged} when the device lost data,
 * {@link dev.orchestrate.outcome.RigBroken} when the rig failed, and
 * {@link dev.orchestrate.outcome.NotRunnable} when this host cannot run it.
 */
public interface Action {

    /** The step's name in reports: kind and the options that matter ("copy with dd bs=1MiB"). */
    String title();

    /** Why this host cannot run the step, checked before the cell sets anything up; empty when it can. */
    default Optional<String> unavailable() {
        return Optional.empty();
    }

    /** Check mode: what is wrong with {@code step} after the steps before it, said to {@code plan}, which it moves on; nothing runs. */
    default void check(Step step, Plan plan) {
    }

    void run(CellContext cell) throws Exception;

    /**
     * After a reboot ended the process that ran this step: restores what the step left in the
     * cell's context (the files generated, the copy made, a fault armed on the controller, which
     * survives a reboot) without doing its work again. Most steps leave nothing.
     */
    default void resume(CellContext cell) {
    }

    /**
     * What the step did for durability, once it ran (or was restored after a reboot): copied files,
     * promised them (fsync, sync, unmount, eject, reboot), or cut the power. Most steps did neither.
     *
     * @param number the step's place in the cell, from 1
     */
    default List<HostHistory.Step> hostSteps(int number, CellContext cell) {
        return List.of();
    }

    /**
     * Dry run: moves the cell's context on as the step would, without doing its work; a step whose
     * own command would change a device (a copy's tool) runs it through the cell's runners, which print it.
     */
    default void dryRun(CellContext cell) {
        resume(cell);
    }
}
