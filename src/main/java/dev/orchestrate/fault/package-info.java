/**
 * Faults the emulated controller injects on purpose, each imitating a real failure of a storage
 * controller or its driver: a transfer-length limit, ignored or skipped flushes, misdirected and
 * torn writes, bit rot at rest, I/O errors and latency. A fault shapes writes, answers commands
 * with errors or delays, or changes what a flush and a shutdown do; the controller asks each armed
 * fault in turn. Each kind is declared once, beside its fault ({@link dev.orchestrate.fault.Faults#ALL}).
 */
package dev.orchestrate.fault;
