package dev.orchestrate.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The run manifest: what was written where. Every sector's content follows from the run id, file
 * id, generation and size, so an image target can be verified again later from the manifest and
 * the media alone; for targets with a file system the file's device location is not recorded yet.
 */
public record Manifest(int format, String runId, String suite, String suiteFile, String started, String finished,
                       int sectorSize, String target, List<CellRecord> cells) {

    public static final String FILE = "manifest.json";

    /** One cell: its axis values, how it ended, and its files. */
    public record CellRecord(int ordinal, String name, Map<String, String> axes, String status, String message, List<FileRecord> files) {
    }

    /**
     * One file as expected on the target.
     *
     * @param deviceOffset the byte offset on the device, or -1 when written through a file system
     */
    public record FileRecord(int id, String name, long size, int generation, String path, long deviceOffset) {
    }

    public void write(Path file) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
    }

    public static Manifest read(Path file) throws IOException {
        return new ObjectMapper().readValue(file.toFile(), Manifest.class);
    }
}
