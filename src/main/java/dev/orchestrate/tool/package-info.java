/**
 * Copy tools: each one copy engine producing one I/O pattern. A tool declares the platforms it
 * runs on, how it is driven (a program, an API through a helper, an app) and what it leaves on the
 * target, builds the command line that copies a source file to a placement, and says whether this
 * host can run it. The macOS API engines are built on first use from the sources in helpers/macos.
 */
package dev.orchestrate.tool;
