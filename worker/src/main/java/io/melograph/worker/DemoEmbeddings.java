package io.melograph.worker;

import io.melograph.config.DemoMode;
import io.melograph.embeddings.EmbeddingVersions;
import io.melograph.embeddings.GraphEmbeddings;
import io.melograph.events.EventHistory;
import io.melograph.events.GraphAggregator;
import io.melograph.graph.GraphConnection;
import io.melograph.graph.GraphSettings;
import io.melograph.registry.ModelRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Inject;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * The demo's graph embeddings: on a start with the bundled sample where no song has an embedding yet (the first
 * start), FastRP runs once in the background after the aggregator has written the demo community's listening history,
 * so the vector channels answer on the demo without a manual {@code melograph train embeddings}. A few seconds on
 * the demo graph; stored as the first version in the model registry ({@link EmbeddingVersions}). Never on a
 * configured catalog, where training is an operator's decision.
 */
@Context
@Requires(condition = RunsWorker.class)
final class DemoEmbeddings {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DemoEmbeddings.class);

    @Inject
    DemoEmbeddings(GraphConnection graph, GraphSettings settings, EventHistory history, GraphAggregator aggregator,
                   ModelRegistry registry, DemoMode demo) {
        if (!demo.on()) {
            return;
        }
        Map<String, Long> counts = GraphEmbeddings.counts(graph);
        if (counts.getOrDefault("Song", 0L) > 0 || counts.getOrDefault("Song.total", 0L) == 0) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                // the aggregator replays the journal when it starts; the listens are in the graph by now
                aggregator.flush();
                Instant now = Instant.now();
                EmbeddingVersions.Trained version = EmbeddingVersions.train(registry, graph, history,
                        GraphEmbeddings.Options.fastRp(settings.embeddingDimensions(), 42), now);
                String reason = "the demo's first version, made at its first start";
                EmbeddingVersions.store(registry, version, now, Map.of(), reason);
                EmbeddingVersions.promote(registry, graph, version.version(), reason, false);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Demo embeddings failed (vector recall stays empty until `melograph train embeddings`): {}", e.toString());
            }
        }, "demo-embeddings");
        t.setDaemon(true);
        t.start();
    }
}
