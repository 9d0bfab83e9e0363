package dev.orchestrate.data;

/** What a sector found on the media is, compared with what should be there. */
public enum SectorClass {
    /** Exactly the expected bytes. */
    INTACT("intact"),
    /** A valid sector of this run that belongs at another place (file or offset), which does not hold it: the write went here instead. */
    MISPLACED("misplaced"),
    /** A valid sector of this run that belongs at another place, which holds it intact too: the data was written twice. */
    DUPLICATED("duplicated"),
    /** A valid sector for this place, but of an older generation or an earlier run: the new write never landed. */
    STALE("stale"),
    /** Recognisably the expected sector, but with bytes changed (torn write, bit flips). */
    DAMAGED("damaged"),
    /** All zero bytes. */
    ZEROS("zeros"),
    /** Nothing of ours: no stamp, and not close to the expected bytes. */
    FOREIGN("foreign"),
    /** Not there at all: the file is absent or ends before this sector. */
    MISSING("missing"),
    /** Bytes past the end the file should have: an old, longer file was not truncated. */
    EXTRA("extra");

    private final String label;

    SectorClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
