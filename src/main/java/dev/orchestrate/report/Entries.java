package dev.orchestrate.report;

import java.nio.file.Path;
import java.util.Map;
import org.junit.platform.engine.reporting.ReportEntry;

/**
 * The report entries the engine publishes for each cell: steps, attachments, labels, parameters and
 * the description. Any JUnit Platform listener can read them; {@link AllureBridge} turns them into
 * Allure steps and attachments, so the engine itself never touches Allure.
 */
public final class Entries {

    public static final String STEP = "orchestrate.step";
    public static final String ATTACHMENT = "orchestrate.attachment";
    public static final String LABEL = "orchestrate.label";
    public static final String PARAMETER = "orchestrate.parameter";
    public static final String DESCRIPTION = "orchestrate.description";
    public static final String EVENT = "event";
    public static final String STATUS = "status";
    public static final String VALUE = "value";
    public static final String TYPE = "type";
    public static final String PATH = "path";

    private Entries() {
    }

    public static ReportEntry stepStarted(String title) {
        return ReportEntry.from(Map.of(STEP, title, EVENT, "start"));
    }

    /** {@code status} is one of passed, failed, broken, skipped. */
    public static ReportEntry stepStopped(String title, String status) {
        return ReportEntry.from(Map.of(STEP, title, EVENT, "stop", STATUS, status));
    }

    public static ReportEntry attachment(String name, String mediaType, Path file) {
        return ReportEntry.from(Map.of(ATTACHMENT, name, TYPE, mediaType, PATH, file.toAbsolutePath().toString()));
    }

    public static ReportEntry label(String name, String value) {
        return ReportEntry.from(Map.of(LABEL, name, VALUE, value));
    }

    public static ReportEntry parameter(String name, String value) {
        return ReportEntry.from(Map.of(PARAMETER, name, VALUE, value));
    }

    public static ReportEntry description(String text) {
        return ReportEntry.from(DESCRIPTION, text);
    }
}
