/**
 * Running external commands: every one with a timeout, its output tail kept, and its command line,
 * exit code and duration recorded, so a failure report can say exactly what ran and what it said;
 * and the run's cancellation (SIGINT, SIGTERM), which stops the command that runs when it comes.
 */
package dev.orchestrate.process;
