/**
 * Benchmarks run side by side with a peer in the same process, reported as ratios: the emulated
 * controller against a loop device over a plain file, for the same copy on the same disk; the
 * verifier against fio and f3read on the same data. And where one suite's wall time goes, per cell
 * and phase, for the time budget of a nightly run.
 */
package dev.orchestrate.bench;
