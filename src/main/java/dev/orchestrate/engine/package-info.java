/**
 * The JUnit Platform test engine: discovers suite files (a suite is a container, each matrix cell a
 * test), runs cells step by step against the target, publishes steps and attachments as report
 * entries, and writes the run manifest. Any Launcher can run it; the CLI is one such Launcher call.
 */
package dev.orchestrate.engine;
