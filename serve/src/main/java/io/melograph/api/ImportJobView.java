package io.melograph.api;

import io.melograph.ingest.ImportJobs;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/** An HTTP import job: progress while it runs, counts and problems when it is done. */
@Serdeable
public record ImportJobView(String id, String state, List<String> files, String phase, long done, long total,
                            long rowsPerSecond, String submittedAt, @Nullable String startedAt,
                            @Nullable String finishedAt, @Nullable Result result, @Nullable String error) {

    /** Problems are listed as {@code file:line: field: message}, as on the command line. */
    @Serdeable
    public record Result(long rows, long rowsRejected, long errors, long warnings, Map<String, Long> written,
                         Map<String, Long> created, List<String> problems, long millis) {}

    static ImportJobView of(ImportJobs.Status s) {
        ImportJobs.Result r = s.result();
        Result result = r == null ? null : new Result(r.rows(), r.rowsRejected(), r.errors(), r.warnings(), r.written(),
                r.created(), r.problems(), r.millis());
        return new ImportJobView(s.id(), s.state().name().toLowerCase(), s.files(), s.phase(), s.done(), s.total(),
                Math.round(s.rowsPerSecond()), s.submittedAt().toString(),
                s.startedAt() == null ? null : s.startedAt().toString(),
                s.finishedAt() == null ? null : s.finishedAt().toString(), result, s.error());
    }
}
