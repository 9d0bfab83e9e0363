package dev.orchestrate.data;

/**
 * What a sector says about itself: it belongs to file {@code fileId} of run {@code runId}, at byte
 * {@code offset} of that file, written in generation {@code generation} (bumped on each rewrite).
 */
public record Stamp(long runId, int fileId, long offset, int generation) {

    public Stamp at(long otherOffset) {
        return new Stamp(runId, fileId, otherOffset, generation);
    }
}
