package io.melograph.ingest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.melograph.graph.GraphConnection;
import io.melograph.util.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Editors' imports started over HTTP: each job runs the same importer as the CLI, one job at a time (imports
 * compete for the same store), with its progress, counts and problems readable while it runs and after. Jobs are kept
 * on disk ({@code MELOGRAPH_HOME/imports/jobs/<id>.json}): after a restart, a job that was queued or running shows as
 * interrupted with what it had done, and can be run again ({@link #rerun}; imports merge by id, so a second run of
 * the same files writes nothing twice).
 */
public final class ImportJobs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);

    public enum State { QUEUED, RUNNING, IMPORTED, IMPORTED_WITH_REJECTS, VALID, INVALID, FAILED, INTERRUPTED }

    /** A finished job's counts and its first problems ({@code file:line: field: message}). */
    public record Result(long rows, long rowsRejected, long errors, long warnings, Map<String, Long> written,
                         Map<String, Long> created, List<String> problems, long millis) {
        static Result of(ImportReport r) {
            return new Result(r.rows(), r.rowsRejected(), r.errors(), r.warnings(), r.written(), r.created(),
                    r.problems().stream().limit(MAX_PROBLEMS).map(Problem::toString).toList(), r.millis());
        }
    }

    /** A job's state at one moment; {@code result} is set when it has finished. */
    public record Status(String id, State state, List<String> files, String phase, long done, long total,
                         double rowsPerSecond, Instant submittedAt, Instant startedAt, Instant finishedAt,
                         Result result, String error) {}

    /** What is kept on disk: the status, and what it takes to run the job again. */
    record Saved(Status status, List<String> paths, Importer.Options options) {}

    /** Why a job cannot be run again. */
    public static final class CannotRerun extends Exception {
        public enum Reason { UNKNOWN_JOB, STILL_RUNNING, FILES_GONE }

        private final Reason reason;

        CannotRerun(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    private static final int KEEP = 100;
    static final int MAX_PROBLEMS = 1_000;
    /** Progress is written to disk at most this often (states always). */
    private static final long SAVE_PROGRESS_MS = 2_000;

    private final GraphConnection graph;
    private final ImportFiles files;
    private final Path dir;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "import-jobs");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Saved> jobs = new LinkedHashMap<>();
    private final Map<String, Long> savedAt = new HashMap<>();
    private final Runnable afterImport;

    /**
     * @param dir         where jobs are kept (created if missing)
     * @param afterImport runs after every job that wrote something (e.g. to reload caches of the catalog)
     */
    public ImportJobs(GraphConnection graph, ImportFiles files, Path dir, Runnable afterImport) {
        this.graph = graph;
        this.files = files;
        this.dir = dir;
        this.afterImport = afterImport;
        load();
    }

    /** Queues an import of the given files (CSV and RDF told apart by extension). */
    public synchronized Status submit(List<Path> paths, Importer.Options options) {
        String id = UUID.randomUUID().toString();
        List<String> names = paths.stream().map(p -> p.getFileName().toString()).toList();
        Status queued = new Status(id, State.QUEUED, names, "queued", 0, 0, 0, Instant.now(), null, null, null, null);
        put(new Saved(queued, paths.stream().map(p -> p.toAbsolutePath().toString()).toList(), options), true);
        while (jobs.size() > KEEP) {
            String oldest = jobs.keySet().iterator().next();
            jobs.remove(oldest);
            savedAt.remove(oldest);
            delete(oldest);
        }
        executor.submit(() -> run(id, paths, options));
        return queued;
    }

    /** Runs an interrupted (or any finished) job's files again, as a new job. */
    public synchronized Status rerun(String id) throws CannotRerun {
        Saved s = jobs.get(id);
        if (s == null) {
            throw new CannotRerun(CannotRerun.Reason.UNKNOWN_JOB, "no import job " + id);
        }
        if (s.status().state() == State.QUEUED || s.status().state() == State.RUNNING) {
            throw new CannotRerun(CannotRerun.Reason.STILL_RUNNING, "import job " + id + " is still " + s.status().state().name().toLowerCase());
        }
        List<Path> paths = s.paths().stream().map(Path::of).toList();
        if (!paths.stream().allMatch(Files::exists)) {
            throw new CannotRerun(CannotRerun.Reason.FILES_GONE, "the files of import job " + id + " are gone (uploads are kept for the retention period): upload them again");
        }
        return submit(paths, s.options());
    }

    public synchronized Optional<Status> get(String id) {
        return Optional.ofNullable(jobs.get(id)).map(Saved::status);
    }

    public synchronized Collection<Status> all() {
        return jobs.values().stream().map(Saved::status).toList();
    }

    /** The files of queued and running jobs (not to be removed from under them). */
    public synchronized Set<Path> activePaths() {
        return Set.copyOf(jobs.values().stream()
                .filter(s -> s.status().state() == State.QUEUED || s.status().state() == State.RUNNING)
                .flatMap(s -> s.paths().stream()).map(Path::of).toList());
    }

    private void run(String id, List<Path> paths, Importer.Options options) {
        update(id, s -> new Status(id, State.RUNNING, s.files(), "starting", 0, 0, 0, s.submittedAt(), Instant.now(), null, null, null));
        try {
            ImportProgress progress = (phase, done, total, rate, finished) ->
                    update(id, s -> new Status(id, State.RUNNING, s.files(), phase, done, total, rate, s.submittedAt(),
                            s.startedAt(), null, null, null));
            ImportReport report = new Importer(graph, files.ontology(), progress).run(files.any(paths), options);
            State state = State.valueOf(report.outcome().name());
            if (state == State.IMPORTED || state == State.IMPORTED_WITH_REJECTS) {
                afterImport.run();
            }
            update(id, s -> new Status(id, state, s.files(), "done", s.done(), s.total(), s.rowsPerSecond(), s.submittedAt(),
                    s.startedAt(), Instant.now(), Result.of(report), null));
        } catch (Exception | Error e) {
            update(id, s -> new Status(id, State.FAILED, s.files(), "failed", s.done(), s.total(), 0, s.submittedAt(),
                    s.startedAt(), Instant.now(), null, e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    private synchronized void update(String id, UnaryOperator<Status> change) {
        Saved s = jobs.get(id);
        if (s != null) {
            Status next = change.apply(s.status());
            put(new Saved(next, s.paths(), s.options()), next.state() != s.status().state());
        }
    }

    /** Keeps the job; writes it to disk on a change of state, else at most every {@link #SAVE_PROGRESS_MS}. */
    private void put(Saved s, boolean stateChanged) {
        String id = s.status().id();
        jobs.put(id, s);
        long now = System.currentTimeMillis();
        if (stateChanged || now - savedAt.getOrDefault(id, 0L) >= SAVE_PROGRESS_MS) {
            savedAt.put(id, now);
            save(s);
        }
    }

    private void save(Saved s) {
        try {
            AtomicFiles.write(dir.resolve(s.status().id() + ".json"), json.writeValueAsBytes(s));
        } catch (IOException e) {
            LOG.warn("import job {} not saved to {}: {}", s.status().id(), dir, e.toString());
        }
    }

    private void delete(String id) {
        try {
            Files.deleteIfExists(dir.resolve(id + ".json"));
        } catch (IOException e) {
            LOG.warn("import job {} not removed from {}: {}", id, dir, e.toString());
        }
    }

    /** The jobs of earlier runs, oldest first; those that were queued or running are interrupted now. */
    private void load() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Saved> found = new ArrayList<>();
        try (Stream<Path> all = Files.list(dir)) {
            for (Path f : all.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                try {
                    found.add(json.readValue(f.toFile(), Saved.class));
                } catch (IOException e) {
                    LOG.warn("import job file {} cannot be read, left alone: {}", f, e.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list import jobs in " + dir, e);
        }
        found.sort(Comparator.comparing(s -> s.status().submittedAt()));
        for (Saved s : found) {
            Status st = s.status();
            if (st.state() == State.QUEUED || st.state() == State.RUNNING) {
                String what = st.state() == State.QUEUED ? "it had not started"
                        : "it had done " + st.done() + " of " + st.total() + " in phase '" + st.phase() + "'";
                st = new Status(st.id(), State.INTERRUPTED, st.files(), st.phase(), st.done(), st.total(), 0, st.submittedAt(),
                        st.startedAt(), Instant.now(), null, "interrupted by a stop of the service (" + what
                        + "); POST /admin/imports/" + st.id() + "/rerun runs it again: imports merge by id, nothing is written twice");
                LOG.warn("Import job {} ({}) was interrupted by the last stop: {}", st.id(), String.join(", ", st.files()), what);
                s = new Saved(st, s.paths(), s.options());
                save(s);
            }
            jobs.put(st.id(), s);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
