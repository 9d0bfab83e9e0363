/**
 * The steps of a cell: generate stamped sources, copy them with a tool, lifecycle actions such as
 * sync, the corrupt test aid, and verify. Each kind is declared once ({@link dev.orchestrate.step.Steps#ALL});
 * {@link dev.orchestrate.step.CellWalk} walks a cell's steps in check, dry-run, run and resume modes,
 * and each step acts on a {@link dev.orchestrate.step.CellContext}, which holds what the cell has done so far.
 */
package dev.orchestrate.step;
