/**
 * The copier: a small program orchestrate ships for the copy engines Java itself offers (NIO
 * Files.copy and transferTo, an mmap writer, a parallel O_DIRECT writer). Copy steps run it as a
 * process of its own, like any other tool, and it can be run by hand to reproduce a pattern.
 */
package dev.orchestrate.copier;
