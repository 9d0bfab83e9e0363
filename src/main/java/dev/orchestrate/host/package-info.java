/**
 * The host operating system: which platform this is, what it can do for orchestrate and the
 * packages that hold what it lacks, and on Linux the loop devices, file systems and mounts, file
 * extent maps, the page cache, FUSE connections, the resume hook, and the state a run leaves under
 * {@code /run/orchestrate} so that a killed run can be cleaned up by the next. Every command runs
 * with a timeout.
 */
package dev.orchestrate.host;
