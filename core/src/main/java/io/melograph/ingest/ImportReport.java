package io.melograph.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What an import did. {@code problems} lists the first {@value Importer#MAX_LISTED} problems; the counts cover all.
 *
 * @param written nodes and relationships written (merged) per label / type
 * @param created what the graph reports as really created: 0 on a repeated import
 */
public record ImportReport(Outcome outcome, List<String> sources, long rows, long rowsRejected, long errors, long warnings,
                           List<Problem> problems, Map<String, Long> written, Map<String, Long> created,
                           List<Path> rejectsFiles, long millis) {

    public enum Outcome {
        /** Everything valid and written. */
        IMPORTED,
        /** Valid rows written, invalid rows written to rejects files (--skip-invalid). */
        IMPORTED_WITH_REJECTS,
        /** Dry run: all valid, nothing written. */
        VALID,
        /** Something invalid and nothing written. */
        INVALID
    }

    /** 0 ok, 2 invalid input (the CLI's contract). */
    public int exitCode() {
        return outcome == Outcome.INVALID ? 2 : 0;
    }
}
