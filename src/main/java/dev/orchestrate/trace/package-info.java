/**
 * The device command log: every command a device received (open, read, write, flush, fsync,
 * release) and every destage of its write cache, with sequence number, time, offset, length and
 * result, as JSON Lines. The emulated controller records it; readers turn it into the I/O-pattern
 * fingerprint shown for each cell. A driver's own log of its commands is read through a declared
 * {@link dev.orchestrate.trace.LineFormat} into the same records, and what macOS's fs_usage printed
 * about a disk through {@link dev.orchestrate.trace.FsUsage}. Formats in {@code docs/command-log.md}.
 */
package dev.orchestrate.trace;
