/**
 * Stamped data: files in which every sector carries a header saying whose it is (run, file, byte
 * offset, generation) and a payload derived from those fields, so that the expected content of any
 * sector is recomputed, never stored, and a sector found anywhere can be recognised on its own.
 * The format is documented in {@code docs/stamp-format.md}.
 */
package dev.orchestrate.data;
