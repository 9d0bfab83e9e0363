package dev.orchestrate.trace;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The disk under test as fs_usage names it. fs_usage prints each disk I/O with the /dev node it was
 * issued to ({@code /dev/disk5s2}) and a block number relative to that node, so placing it on the
 * whole disk takes the node's partition offset; I/O on a disk stored inside one of its partitions (an
 * APFS container) has no fixed place on it at all.
 *
 * @param disk the whole disk's BSD name, e.g. disk5
 * @param blockSize bytes per block number: the nodes' block size, the disk's DeviceBlockSize unless a
 *     file system set another on its node
 * @param partitions the disk's partitions by BSD name, each with its place on the whole disk
 * @param containers BSD names of the disks stored on its partitions (an APFS container's synthesized disk)
 */
public record DiskNodes(String disk, long blockSize, Map<String, Span> partitions, Set<String> containers) {

    /** Where a partition lies on the whole disk, in bytes. */
    public record Span(long offset, long size) {
    }

    /** What a node fs_usage named is to the disk under test. */
    enum Kind {
        /** The whole disk. */
        WHOLE,
        /** A partition the map places. */
        PARTITION,
        /** The disk's, but not placed: a partition the map does not hold, or a container stored on it. */
        UNPLACED,
        /** fs_usage could not name the device ({@code NOTFOUND}): it may be the disk's. */
        UNNAMED,
        /** Another disk. */
        ELSEWHERE
    }

    public DiskNodes {
        partitions = Map.copyOf(partitions);
        containers = Set.copyOf(containers);
    }

    /** What {@code node} (as fs_usage prints it after /dev/) is to the disk. */
    Kind kind(String node) {
        if (node.equals(disk)) {
            return Kind.WHOLE;
        }
        if (node.equals("NOTFOUND")) {
            return Kind.UNNAMED;
        }
        if (sliceOf(disk, node)) {
            return partitions.containsKey(node) ? Kind.PARTITION : Kind.UNPLACED;
        }
        return containers.stream().anyMatch(c -> c.equals(node) || sliceOf(c, node)) ? Kind.UNPLACED : Kind.ELSEWHERE;
    }

    /** Where block 0 of {@code node} lies on the whole disk, for the whole disk and the partitions the map places. */
    Optional<Span> span(String node) {
        return node.equals(disk) ? Optional.of(new Span(0, Long.MAX_VALUE)) : Optional.ofNullable(partitions.get(node));
    }

    /** disk5s2 and disk5s2s1 are disk5's; disk50s1 is not. */
    private static boolean sliceOf(String whole, String node) {
        return node.startsWith(whole + "s") && node.length() > whole.length() + 1 && Character.isDigit(node.charAt(whole.length() + 1));
    }
}
