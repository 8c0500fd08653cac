package io.melograph.app;

import io.melograph.events.GraphAggregator;
import io.melograph.events.ItemCatalog;
import io.melograph.events.SongPopularity;
import io.melograph.graph.GraphConnection;
import io.melograph.ingest.ImportJobs;
import io.melograph.ingest.Uploads;
import io.melograph.recall.NeighbourWatch;
import io.micronaut.context.BeanProvider;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Optional;

/**
 * Scheduled upkeep: the in-memory views of the graph kept in step (the item catalog of event intake with imports and
 * simulations done while the service runs, song popularity with aggregated plays), and editors' uploads removed past
 * their retention period (melograph.imports.retention), never one a job still reads.
 */
@Singleton
final class Housekeeping {
    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);
    private final ItemCatalog catalog;
    private final SongPopularity popularity;
    private final Uploads uploads;
    private final ImportJobs jobs;
    private final Optional<GraphAggregator> aggregator;
    private final BeanProvider<NeighbourWatch> neighbours;
    private final GraphConnection graph;

    Housekeeping(ItemCatalog catalog, SongPopularity popularity, Uploads uploads, ImportJobs jobs,
                 Optional<GraphAggregator> aggregator, BeanProvider<NeighbourWatch> neighbours, GraphConnection graph) {
        this.aggregator = aggregator;
        this.neighbours = neighbours;
        this.graph = graph;
        this.catalog = catalog;
        this.popularity = popularity;
        this.uploads = uploads;
        this.jobs = jobs;
    }

    @Scheduled(fixedDelay = "${melograph.events.catalog-refresh:10s}", initialDelay = "10s")
    void catalog() {
        run("item catalog refresh", () -> {
            // new items imported elsewhere (a serving process, the CLI): the worker that aggregates rebuilds the
            // neighbour store (an import through this process's API has rebuilt it already and reloaded the catalog)
            if (catalog.reloadIfChanged() && aggregator.map(GraphAggregator::holdsLease).orElse(false)) {
                neighbours.get().rebuild(graph, 1);
            }
        });
    }

    @Scheduled(fixedDelay = "${melograph.scenes.popularity-refresh:60s}", initialDelay = "60s")
    void popularity() {
        run("song popularity refresh", popularity::reload);
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "1m")
    void uploads() {
        run("upload pruning", () -> {
            int removed = uploads.prune(Instant.now(), jobs.activePaths());
            if (removed > 0) {
                LOG.info("Removed {} upload(s) older than the retention period", removed);
            }
        });
    }

    private static void run(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("{} failed (will retry): {}", what, e.toString());
        }
    }
}
