package io.melograph.app;

import io.melograph.config.ConfigKeys;
import io.melograph.config.DemoMode;
import io.melograph.config.ImportsProperties;
import io.melograph.config.KafkaProperties;
import io.melograph.config.Neo4jProperties;
import io.melograph.config.ServiceProperties;
import io.melograph.events.GraphAggregator;
import io.melograph.events.ItemCatalog;
import io.melograph.graph.GraphConnection;
import io.melograph.graph.GraphSettings;
import io.melograph.graph.SchemaMigrations;
import io.melograph.ingest.BundledSample;
import io.melograph.ingest.ImportFiles;
import io.melograph.ingest.ImportJobs;
import io.melograph.ingest.Uploads;
import io.melograph.recall.NeighbourWatch;
import io.melograph.recall.RecallService;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.micronaut.http.server.HttpServerConfiguration;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Wires the graph and the importers into the service. The graph bean is eager: Neo4j starts with the service. */
@Factory
final class GraphFactory {

    /** The first settings every part of the service reads: the configuration's keys are checked before anything starts. */
    @Singleton
    GraphSettings settings(Environment env, ServiceProperties service, Neo4jProperties neo4j) {
        ConfigKeys.load().check(env);
        return GraphSettings.of(service, neo4j);
    }

    @Singleton
    DemoMode demo(ServiceProperties service, GraphSettings graph, KafkaProperties kafka) {
        return DemoMode.of(service, graph.external(), kafka);
    }

    @Singleton
    ImportFiles importFiles() {
        return ImportFiles.load();
    }

    @Context
    @Bean(preDestroy = "close")
    GraphConnection graph(GraphSettings settings, ImportFiles files, DemoMode demo) {
        GraphConnection graph = GraphConnection.openForService(settings);
        try {
            SchemaMigrations.apply(graph, settings.embeddingDimensions());
            if (demo.on()) {
                BundledSample.importIfEmpty(graph, files, settings.home());
            }
            return graph;
        } catch (IOException e) {
            graph.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    @Singleton
    @Bean(preDestroy = "close")
    ImportJobs importJobs(GraphConnection graph, ImportFiles files, ItemCatalog catalog, GraphSettings settings,
                          Provider<RecallService> recall, Provider<NeighbourWatch> neighbours, BeanProvider<GraphAggregator> aggregator) {
        // an import may write any listener's history (HetRec plays, friendships): remembered profiles are read again;
        // new songs and links reach the neighbour store with a build in the background (the graph answers meanwhile) —
        // in a serving-only process the worker builds it once its catalog refresh sees the new items (Housekeeping)
        return new ImportJobs(graph, files, settings.home().resolve("import-jobs"), () -> {
            catalog.reload();
            recall.get().profiles().forgetAll();
            if (aggregator.isPresent()) {
                neighbours.get().rebuild(graph, 1);
            }
        });
    }

    /** Uploads unpack to at most 16 times the upload limit; kept for {@code melograph.imports.retention} (docs/configuration.md). */
    @Singleton
    Uploads uploads(GraphSettings settings, HttpServerConfiguration server,
                    ImportsProperties imports) {
        return new Uploads(settings.home().resolve("imports"), 16 * server.getMaxRequestSize(), imports.retention());
    }
}
