/**
 * Copy tools: each one copy engine producing one I/O pattern. A tool builds the command line that
 * copies a source file to a placement on the target and says whether this host can run it.
 */
package dev.orchestrate.tool;
