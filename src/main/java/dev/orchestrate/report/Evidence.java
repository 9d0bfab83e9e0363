package dev.orchestrate.report;

import java.nio.charset.StandardCharsets;

/** Where steps put what a person needs to see: attachments for the report, and live progress. */
public interface Evidence {

    void attach(String name, String mediaType, String extension, byte[] content);

    default void attachText(String name, String text) {
        attach(name, "text/plain", "txt", text.getBytes(StandardCharsets.UTF_8));
    }

    /** Bytes done of total for a long activity ("copy file-1.bin"); called often, may be dropped, and is by default. */
    default void progress(String activity, long done, long total) {
    }
}
