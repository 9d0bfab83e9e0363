/**
 * The device under test. A {@link dev.orchestrate.dut.Target} lasts for the run and opens a
 * {@link dev.orchestrate.dut.Device} per cell: where the cell's files go, how they are read back on
 * the known-good path, and the device's abilities as typed accessors. A target lays out every cell
 * of the suite once, before any runs, so a cell's files land at the same place whatever subset of
 * the matrix a run selects. Each kind is declared once ({@link dev.orchestrate.dut.Targets#KINDS}).
 */
package dev.orchestrate.dut;
