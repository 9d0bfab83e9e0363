/**
 * The emulated storage controller: a volatile write cache in front of a media image, exported to
 * the host as one file over FUSE so that a loop device, a real file system and real tools sit on
 * top of it. It records every command it receives, applies the armed faults, and loses what it
 * never destaged when its power is cut. The media image is the known-good read path.
 */
package dev.orchestrate.emulator;
