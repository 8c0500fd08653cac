package io.melograph.ingest;

/** Receives the importer's progress: a terminal bar, log lines, or an HTTP import job's status. */
@FunctionalInterface
public interface ImportProgress {

    /**
     * @param phase   validate, resolve, write nodes, write relationships
     * @param done    rows handled in this phase so far
     * @param total   rows in this phase, or 0 while unknown
     * @param finished whether this is the phase's last report
     */
    void report(String phase, long done, long total, double rowsPerSecond, boolean finished);

    ImportProgress NONE = (phase, done, total, rate, finished) -> { };
}
