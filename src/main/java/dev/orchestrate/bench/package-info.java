/**
 * Benchmarks run side by side with a peer in the same process, reported as ratios: the emulated
 * controller against a loop device over a plain file, for the same copy on the same disk.
 */
package dev.orchestrate.bench;
