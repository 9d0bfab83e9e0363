/**
 * Verification through the known-good read path: read what is on the target (the files through the
 * file system, or the raw image at each file's device offset), classify every sector against what
 * should be there, and collapse the results into damaged ranges with both addresses.
 */
package dev.orchestrate.verify;
