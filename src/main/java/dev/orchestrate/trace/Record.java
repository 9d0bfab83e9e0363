package dev.orchestrate.trace;

/**
 * One line of the command log.
 *
 * @param seq position in the log, from 1
 * @param nanos time since the controller started
 * @param result 0, or a negative errno the command was answered with
 * @param cause for DESTAGE: why it happened (fsync, pressure, teardown, write-behind); for FAULT: the fault armed;
 *     for STEP: the step's title; for OTHER: the command's name; for a WRITE with forced unit access: {@code fua};
 *     otherwise empty
 */
public record Record(long seq, long nanos, Op op, long offset, long length, int result, String cause) {
}
