package io.melograph.ingest;

import io.melograph.graph.GraphConnection;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Editors' imports started over HTTP: each job runs the same importer as the CLI, one job at a time (imports
 * compete for the same store), with its progress, counts and problems readable while it runs and after.
 */
public final class ImportJobs implements AutoCloseable {
    public enum State { QUEUED, RUNNING, IMPORTED, IMPORTED_WITH_REJECTS, VALID, INVALID, FAILED }

    /** A job's state at one moment; {@code report} is set when it has finished. */
    public record Status(String id, State state, List<String> files, String phase, long done, long total,
                         double rowsPerSecond, Instant submittedAt, Instant startedAt, Instant finishedAt,
                         ImportReport report, String error) {}

    private static final int KEEP = 100;

    private final GraphConnection graph;
    private final ImportFiles files;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "import-jobs");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Status> jobs = new LinkedHashMap<>();
    private final Map<String, List<Path>> active = new HashMap<>();
    private final Runnable afterImport;

    /** @param afterImport runs after every job that wrote something (e.g. to reload caches of the catalog) */
    public ImportJobs(GraphConnection graph, ImportFiles files, Runnable afterImport) {
        this.graph = graph;
        this.files = files;
        this.afterImport = afterImport;
    }

    /** Queues an import of the given files (CSV and RDF told apart by extension). */
    public synchronized Status submit(List<Path> paths, Importer.Options options) {
        String id = UUID.randomUUID().toString();
        List<String> names = paths.stream().map(p -> p.getFileName().toString()).toList();
        Status queued = new Status(id, State.QUEUED, names, "queued", 0, 0, 0, Instant.now(), null, null, null, null);
        jobs.put(id, queued);
        active.put(id, paths);
        while (jobs.size() > KEEP) {
            jobs.remove(jobs.keySet().iterator().next());
        }
        executor.submit(() -> run(id, paths, options));
        return queued;
    }

    public synchronized Optional<Status> get(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** The files of queued and running jobs (not to be removed from under them). */
    public synchronized Set<Path> activePaths() {
        return Set.copyOf(active.values().stream().flatMap(List::stream).toList());
    }

    public synchronized Collection<Status> all() {
        return new ArrayList<>(jobs.values());
    }

    private void run(String id, List<Path> paths, Importer.Options options) {
        try {
            runJob(id, paths, options);
        } finally {
            synchronized (this) {
                active.remove(id);
            }
        }
    }

    private void runJob(String id, List<Path> paths, Importer.Options options) {
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
                    s.startedAt(), Instant.now(), report, null));
        } catch (Exception | Error e) {
            update(id, s -> new Status(id, State.FAILED, s.files(), "failed", s.done(), s.total(), 0, s.submittedAt(),
                    s.startedAt(), Instant.now(), null, e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    private synchronized void update(String id, java.util.function.UnaryOperator<Status> change) {
        Status s = jobs.get(id);
        if (s != null) {
            jobs.put(id, change.apply(s));
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
