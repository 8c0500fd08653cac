package io.melograph.api;

import io.melograph.events.EventIntake;
import io.melograph.events.GraphAggregator;
import io.melograph.graph.GraphConnection;
import io.melograph.scene.PrivateFmScene;
import io.melograph.graph.GraphSettings;
import io.melograph.graph.GraphStats;
import io.melograph.ingest.Archives;
import io.melograph.ingest.ImportJobs;
import io.melograph.ingest.Importer;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;

/** Editors' and operators' endpoints; all behind the admin token (AdminAuthFilter). */
@Controller("/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "adminToken")
final class AdminController {
    private static final long MAX_UNPACKED = 8L << 30;

    private final GraphConnection graph;
    private final ImportJobs jobs;
    private final Path uploads;
    private final EventIntake intake;
    private final GraphAggregator aggregator;
    private final PrivateFmScene fm;

    AdminController(GraphConnection graph, ImportJobs jobs, GraphSettings settings, EventIntake intake, GraphAggregator aggregator,
                    PrivateFmScene fm) {
        this.fm = fm;
        this.graph = graph;
        this.jobs = jobs;
        this.uploads = settings.home().resolve("imports");
        this.intake = intake;
        this.aggregator = aggregator;
    }

    @Operation(summary = "Counts of nodes per label and relationships per type; event intake and aggregation lag")
    @Get("/stats")
    StatsView stats() {
        GraphStats.Counts c = GraphStats.count(graph);
        return new StatsView(c.nodes(), c.relationships(), StatsView.Events.of(intake.stats()),
                StatsView.Aggregation.of(aggregator.status()), StatsView.Fm.of(fm.stats()));
    }

    @Operation(summary = "The pool of a listener's current Private FM session, for replaying it offline",
            description = "Every candidate with its ranker score, artists, genres and channels, best score first; songs "
                    + "played in the session are marked; degraded: the pool came from the popularity fallback or from "
                    + "fewer than half of the channels, and a background refill is on its way. 404 when the listener has no session (start one with POST "
                    + "/users/{id}/fm/next). Used by melograph eval fm-replay.")
    @Get("/fm/{userId}/pool")
    SceneViews.FmPoolView fmPool(@PathVariable String userId) {
        RequestChecks.id(userId);
        return fm.pool(userId, System.currentTimeMillis()).map(p -> new SceneViews.FmPoolView(userId, p.degraded(), p.songs()))
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "no Private FM session of " + userId));
    }

    @Operation(summary = "Upload a CSV or RDF file, or a .zip/.tar.gz of them, and start an import job",
            description = "File kinds are told by name (songs.csv, music.ttl.gz; import/README.md). Query flags as on the "
                    + "command line. Returns 202 with the job; follow it at /admin/imports/{id}.")
    @Post(value = "/imports", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<ImportJobView> upload(@Part("file") CompletedFileUpload file,
                                       @QueryValue(defaultValue = "false") boolean skipInvalid,
                                       @QueryValue(defaultValue = "false") boolean dryRun) throws IOException {
        String name = Path.of(file.getFilename() == null ? "" : file.getFilename()).getFileName().toString();
        if (name.isBlank()) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "the file part needs a file name (it tells the kind)");
        }
        Path dir = uploads.resolve(UUID.randomUUID().toString());
        Files.createDirectories(dir);
        Path target = dir.resolve(name);
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        List<Path> paths = List.of(target);
        if (Archives.isArchive(name)) {
            Path unpacked = dir.resolve("unpacked");
            try {
                Archives.extract(target, unpacked, MAX_UNPACKED);
            } catch (IOException e) {
                throw new HttpStatusException(HttpStatus.BAD_REQUEST, "cannot unpack " + name + ": " + e.getMessage());
            }
            paths = List.of(unpacked);
        }
        ImportJobs.Status s = jobs.submit(paths, new Importer.Options(dryRun, skipInvalid, 5_000));
        return HttpResponse.accepted().body(ImportJobView.of(s));
    }

    @Operation(summary = "An import job's progress, counts and problems")
    @Get("/imports/{id}")
    ImportJobView job(@PathVariable String id) {
        return jobs.get(id).map(ImportJobView::of)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "no import job " + id));
    }

    @Operation(summary = "Recent import jobs")
    @Get("/imports")
    List<ImportJobView> jobs() {
        return jobs.all().stream().map(ImportJobView::of).toList();
    }
}
