package io.melograph.api;

import io.melograph.events.EventIntake;
import io.melograph.config.ServiceProperties;
import io.melograph.events.GraphAggregator;
import io.melograph.graph.GraphConnection;
import io.melograph.rank.LiveRanking;
import io.melograph.scene.DailyMixScene;
import io.melograph.scene.PrivateFmScene;
import io.micrometer.core.instrument.MeterRegistry;
import io.melograph.graph.GraphStats;
import io.melograph.ingest.ImportJobs;
import io.melograph.ingest.Uploads;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Editors' and operators' endpoints; all behind the admin token (RouteGuard). */
@Controller("/admin")
@Access(Access.Level.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "adminToken")
final class AdminController {
    private final GraphConnection graph;
    private final ImportJobs jobs;
    private final Uploads uploads;
    private final EventIntake intake;
    private final Optional<GraphAggregator> aggregator;
    private final String role;
    private final PrivateFmScene fm;
    private final DailyMixScene daily;
    private final LiveRanking online;
    private final MeterRegistry meters;

    AdminController(GraphConnection graph, ImportJobs jobs, Uploads uploads, EventIntake intake, Optional<GraphAggregator> aggregator,
                    PrivateFmScene fm, DailyMixScene daily, LiveRanking online, MeterRegistry meters, ServiceProperties service) {
        this.fm = fm;
        this.daily = daily;
        this.online = online;
        this.meters = meters;
        this.graph = graph;
        this.jobs = jobs;
        this.uploads = uploads;
        this.intake = intake;
        this.aggregator = aggregator;
        this.role = service.role();
    }

    @Operation(summary = "Counts of nodes per label and relationships per type; event intake and aggregation lag; "
            + "the online ranker's running quality per head; each A/B arm's recalls, fallbacks and skip/complete/like rates")
    @Get("/stats")
    StatsView stats() {
        GraphStats.Counts c = GraphStats.count(graph);
        List<ArmView> arms = new ArrayList<>(ArmView.of(meters, DailyMixScene.SCENE, daily.arms()));
        arms.addAll(ArmView.of(meters, PrivateFmScene.SCENE, fm.arms()));
        return new StatsView(c.nodes(), c.relationships(), StatsView.Events.of(intake.stats()),
                aggregator.map(a -> StatsView.Aggregation.of(a.status())).orElse(null), StatsView.Fm.of(fm.stats()),
                StatsView.Head.of(online.active()), arms, role);
    }

    @Operation(summary = "The pool of a listener's current Private FM session, for replaying it offline",
            description = "Every candidate with its ranker score, artists, genres and channels, best score first; songs "
                    + "played in the session are marked; degraded: the pool came from the popularity fallback or from "
                    + "fewer than half of the channels, and a background refill is on its way. 404 when the listener has no session (start one with POST "
                    + "/users/{id}/fm/next). Used by melograph eval fm-replay.")
    @Get("/fm/{userId}/pool")
    SceneViews.FmPoolView fmPool(@PathVariable String userId) {
        RequestChecks.userId(userId);
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
        Uploads.Stored stored;
        try (InputStream in = file.getInputStream()) {
            stored = uploads.store(file.getFilename(), in);
        } catch (Uploads.RejectedUpload e) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        } finally {
            file.discard(); // the server's temporary copy of the part
        }
        ImportJobs.Status s = jobs.submit(stored.paths(), new Importer.Options(dryRun, skipInvalid, 5_000));
        return HttpResponse.accepted().body(ImportJobView.of(s));
    }

    @Operation(summary = "Run an import job's files again, as a new job (after a stop interrupted it, or to import them again)",
            description = "Imports merge by id: a second run writes nothing twice. 404 for an unknown job, 409 while it runs, "
                    + "410 when its upload is gone (past melograph.imports.retention).")
    @Post("/imports/{id}/rerun")
    HttpResponse<ImportJobView> rerun(@PathVariable String id) {
        try {
            return HttpResponse.accepted().body(ImportJobView.of(jobs.rerun(id)));
        } catch (ImportJobs.CannotRerun e) {
            HttpStatus status = switch (e.reason()) {
                case UNKNOWN_JOB -> HttpStatus.NOT_FOUND;
                case STILL_RUNNING -> HttpStatus.CONFLICT;
                case FILES_GONE -> HttpStatus.GONE;
            };
            throw new HttpStatusException(status, e.getMessage());
        }
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
