package dev.orchestrate.tool;

/** What a copy leaves on the target, which decides how it can be verified. */
public enum Leaves {
    /** The file's bytes as data blocks: verified sector by sector on the media, through the file's extent map. */
    DATA("the file's bytes as data blocks, verified sector by sector on the known-good path"),
    /** Bytes the file system stores transformed (compressed): only the file system can give them back, so verify reads through it. */
    TRANSFORMED("bytes stored compressed by the file system; verified through the file system, not on the media"),
    /** The tool's own data with its own checksums, not the stamped source: the tool checks it itself. */
    OWN("the tool's own data with its own checksums; the tool checks it itself, through the file system");

    private final String help;

    Leaves(String help) {
        this.help = help;
    }

    public String help() {
        return help;
    }

    /** Whether verification must read through the mounted file system rather than the media. */
    public boolean throughFileSystem() {
        return this != DATA;
    }
}
