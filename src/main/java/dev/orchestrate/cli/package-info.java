/**
 * The command line: thin picocli commands that load and check suites, launch the engine through
 * the JUnit Platform Launcher with the report listeners, and turn the outcome into an exit code.
 */
package dev.orchestrate.cli;
