/**
 * The steps of a cell: generate stamped sources, copy them with a tool, lifecycle actions such as
 * sync, the corrupt test aid, and verify. Each step declares its suite keys and acts on a
 * {@link dev.orchestrate.step.CellContext}, which holds what the cell has done so far.
 */
package dev.orchestrate.step;
