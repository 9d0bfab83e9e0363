/**
 * The device under test: where each cell's files go, and how the target is set up and torn down.
 * A target lays out every cell of the suite once, before any runs, so a cell's files land at the
 * same place whatever subset of the matrix a run selects.
 */
package dev.orchestrate.dut;
