package dev.orchestrate.device;

/**
 * The disk a suite names: its identifier and what it must say it is. The media name (the model on
 * Linux), size and serial are required; the protocol is compared when given, since it is the field a
 * driver migration changes (Fibre Channel Interface under the KEXT, SCSI under the DEXT).
 * {@code mayUnmount} says the suite allows volumes mounted on the disk to be unmounted.
 */
public record Expectation(String identifier, String mediaName, String protocol, Long sizeBytes, String serial, boolean mayUnmount) {
}
