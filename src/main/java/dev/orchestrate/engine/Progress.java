package dev.orchestrate.engine;

/** Live progress of long activities (copies, scans), for a terminal; not part of the report. */
@FunctionalInterface
public interface Progress {

    Progress SILENT = (cell, activity, done, total) -> { };

    void bytes(String cell, String activity, long done, long total);
}
