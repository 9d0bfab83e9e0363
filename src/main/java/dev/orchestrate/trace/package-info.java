/**
 * The device command log: every command a device received (open, read, write, flush, fsync,
 * release) and every destage of its write cache, with sequence number, time, offset, length and
 * result, as JSON Lines. The emulated controller records it; readers turn it into the I/O-pattern
 * fingerprint shown for each cell. Format in {@code docs/command-log.md}.
 */
package dev.orchestrate.trace;
