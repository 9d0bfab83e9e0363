package dev.orchestrate.step;

/**
 * A step ready to run in a cell. Throws {@link dev.orchestrate.outcome.DataDamaged} when the
 * device lost data, {@link dev.orchestrate.outcome.RigBroken} when the rig failed, and
 * {@link dev.orchestrate.outcome.NotRunnable} when this host cannot run it.
 */
public interface Action {

    /** The step's name in reports: kind and the options that matter ("copy with dd bs=1MiB"). */
    String title();

    /** Why this host cannot run the step, checked before the cell sets anything up; empty when it can. */
    default java.util.Optional<String> unavailable() {
        return java.util.Optional.empty();
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
     * For a dry run: the commands the step would run on the cell as it stands (a copy's tool command
     * for each file), moving the cell's context on as the step would, without doing its work.
     */
    default java.util.List<dev.orchestrate.process.Command> dryRun(CellContext cell) {
        resume(cell);
        return java.util.List.of();
    }
}
