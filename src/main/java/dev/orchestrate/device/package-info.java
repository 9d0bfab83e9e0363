/**
 * What a disk says it is, and whether it may be written. Reads the property lists of diskutil,
 * ioreg and hdiutil and the sysfs of Linux into one {@link dev.orchestrate.device.DiskIdentity},
 * checks the transfer limits a DriverKit SCSI controller publishes, diffs an identity against a saved
 * baseline, and refuses any disk that is not exactly the one a suite named or that the host needs.
 */
package dev.orchestrate.device;
