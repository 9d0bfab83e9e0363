package dev.orchestrate.device;

/**
 * A limit key that another entry on the disk's registry path publishes with a value other than the
 * one taken: an NVMe controller's segment byte count is 4,096 where its block device says 1,048,576.
 * The taken value stays under the key; this one is shown beside it, so a reader sees both.
 */
public record LimitElsewhere(String key, String entry, long value) {

    /** "IOMaximumSegmentByteCountRead on IONVMeBlockStorageDevice". */
    String label() {
        return key + " on " + entry;
    }
}
