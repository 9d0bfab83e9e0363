/**
 * How a cell ends besides passing. {@link dev.orchestrate.outcome.DataDamaged} means the device lost
 * or damaged data (the test failed), with the defect the diagnosis named; a failure the suite
 * expects is a {@link dev.orchestrate.outcome.KnownFailure}, and a pass it did not expect an
 * {@link dev.orchestrate.outcome.UnexpectedPass}; {@link dev.orchestrate.outcome.RigBroken} means
 * the rig itself failed and nothing is known about the device; {@link dev.orchestrate.outcome.NotRunnable}
 * means this host cannot run the cell at all. A crash anywhere else is also broken, never a pass.
 */
package dev.orchestrate.outcome;
