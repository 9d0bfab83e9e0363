/**
 * A run's results as a lab reads them after the night: the machine-readable summary of a run
 * ({@code summary.json}), which a dashboard or a gate reads and from which the comparison of two
 * runs and the release sign-off are made; and which stored runs a night's pruning keeps.
 */
package dev.orchestrate.results;
