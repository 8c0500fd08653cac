package io.melograph.cli;


import io.melograph.embeddings.EmbeddingProfile;
import io.melograph.embeddings.EmbeddingQuality;
import io.melograph.embeddings.EmbeddingVersions;
import io.melograph.embeddings.GraphEmbeddings;
import io.melograph.eval.replay.EmbeddingReplay;
import io.melograph.eval.replay.ReplayCut;
import io.melograph.events.EventHistory;
import io.melograph.graph.GraphConnection;
import io.melograph.graph.GraphSettings;
import io.melograph.graph.SchemaMigrations;
import io.melograph.registry.ModelCard;
import io.melograph.registry.ModelRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Builds what recommendations learn from the graph.",
        subcommands = {TrainCommand.Embeddings.class, TrainFtrlCommand.class, TrainInterestsCommand.class, TrainRankerCommand.class})
final class TrainCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "embeddings", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"(Re)computes graph embeddings with GDS (FastRP, or node2vec for comparison) and stores them as a new",
                    "version in MELOGRAPH_HOME/models/embeddings/<version>/ (vectors, recipe, card). When a version is current,",
                    "the new recipe and the current one are both replayed on the state before the held-out window (Daily and",
                    "similar songs, NDCG@10 of what listeners played after it); the new version is promoted unless it scores",
                    "lower. Promoting puts its vectors on the nodes as `embedding`, where the song_embedding and",
                    "artist_embedding vector indexes serve them at once (a running service needs no restart).",
                    "With --new-only, only nodes without an embedding get one, from their neighbours' (fold-in).",
                    "Prints timings, counts and a quality proxy (what a song's 10 nearest neighbours share with it)."})
    static final class Embeddings implements Callable<Integer> {
        @Mixin
        GraphOptions graph = new GraphOptions();

        @Option(names = "--algorithm", defaultValue = "fastrp", paramLabel = "fastrp|node2vec",
                description = "Embedding algorithm (default ${DEFAULT-VALUE}).")
        String algorithm;

        @Option(names = "--dimensions", paramLabel = "N",
                description = "Vector size (default: MELOGRAPH_EMBEDDING_DIM, 64). Another value rebuilds the vector indexes.")
        Integer dimensions;

        @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Random seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--relationships", defaultValue = "weighted", paramLabel = "weighted|unweighted|catalog",
                description = {"Which relationships count and how much (default ${DEFAULT-VALUE}; docs/benchmarks.md",
                        "\"Graph embeddings and vector search\" has the measurements)."})
        String relationships;

        @Option(names = "--holdout-days", defaultValue = "7", paramLabel = "N",
                description = "Held-out window of the replay that judges the version: the events' last N days (default ${DEFAULT-VALUE}).")
        int holdoutDays;

        @Option(names = "--to", paramLabel = "TIME", description = "Start of the replay's held-out window (instead of --holdout-days).")
        Instant to;

        @Option(names = "--listeners", defaultValue = "100", paramLabel = "N",
                description = "Listeners the replay scores, a seeded sample (default ${DEFAULT-VALUE}; 0: all).")
        int listeners;

        @Option(names = "--new-only", description = "Only fold in nodes without an embedding (cheap; no GDS run).")
        boolean newOnly;

        @Option(names = "--rebuild-indexes", description = {
                "Drop the vector indexes while writing and build them afresh after: several times faster on a large",
                "catalog, but vector recall finds nothing until they are online again."})
        boolean rebuildIndexes;

        @Option(names = "--quality", defaultValue = "500", paramLabel = "N",
                description = "Songs sampled for the quality proxy (default ${DEFAULT-VALUE}; 0: skip).")
        int quality;

        @Option(names = "--holdout", defaultValue = "0", paramLabel = "N", description = {
                "Evaluation only: leave out every N-th CO_LISTENED relationship (by id) and report how many of a",
                "song's neighbours are held-out partners. Written to the nodes directly, not stored as a version:",
                "train again without it afterwards."})
        int holdout;

        @Override
        public Integer call() throws IOException {
            GraphSettings settings = graph.settings();
            int dims = dimensions == null ? settings.embeddingDimensions() : dimensions;
            EmbeddingProfile profile = EmbeddingProfile.named(relationships);
            GraphEmbeddings.Algorithm algo = GraphEmbeddings.Algorithm.parse(algorithm);
            try (GraphConnection connection = GraphConnection.open(settings)) {
                if (newOnly || holdout > 0) {
                    SchemaMigrations.apply(connection, dims); // creates or resizes the vector indexes for this dimension
                }
                if (newOnly) {
                    GraphEmbeddings.FoldIn f = GraphEmbeddings.foldIn(connection, profile, dims);
                    System.out.printf("folded in %,d new nodes in %.1f s; still without an embedding: %s%n", f.added(),
                            f.millis() / 1e3, f.missing());
                } else if (holdout > 0) {
                    // node2vec is reproducible from its seed only single-threaded
                    print(GraphEmbeddings.train(connection, new GraphEmbeddings.Options(algo, dims, seed, profile,
                            algo == GraphEmbeddings.Algorithm.NODE2VEC ? 1 : 2, holdout, rebuildIndexes)));
                } else {
                    EmbeddingVersions.Recipe recipe = new EmbeddingVersions.Recipe(algo.toString(), dims, seed, profile.name());
                    if (!version(connection, settings, recipe)) {
                        return 0; // kept, not promoted: the graph's vectors are unchanged, nothing to measure
                    }
                }
                if (dims != settings.embeddingDimensions()) {
                    System.out.printf("note: the vector indexes now have %d dimensions; set MELOGRAPH_EMBEDDING_DIM=%d for the "
                            + "service, or its next start rebuilds them for %d%n", dims, dims, settings.embeddingDimensions());
                }
                printCounts(GraphEmbeddings.counts(connection));
                if (quality > 0) {
                    System.out.println(EmbeddingQuality.measure(connection, quality, 10, seed, newOnly ? 0 : holdout).format());
                }
                return 0;
            }
        }

        /** Trains, stores and judges a version; promotes it (its vectors onto the nodes) unless it scores lower. */
        private boolean version(GraphConnection connection, GraphSettings settings, EmbeddingVersions.Recipe recipe) throws IOException {
            ModelRegistry registry = new ModelRegistry(settings.shared());
            EventHistory events = graph.history();
            Instant now = Instant.now();
            EmbeddingVersions.Trained t = EmbeddingVersions.train(registry, connection, events, recipe.options(), now);
            print(t.result());
            Optional<String> current = registry.current(EmbeddingVersions.KIND);
            Map<String, Double> metrics = new LinkedHashMap<>();
            boolean promote;
            String reason;
            if (current.isEmpty()) {
                promote = true;
                reason = "first version of the embeddings";
            } else {
                EmbeddingVersions.Recipe theirs = EmbeddingVersions.recipe(registry, current.get());
                Instant cut = to != null ? to : Instant.parse(t.windowTo()).minus(Duration.ofDays(holdoutDays));
                try {
                    List<Map<String, Double>> scores = EmbeddingReplay.judge(connection, events, ServiceConfig.scenes(settings.home()),
                            new EmbeddingReplay.Options(ReplayCut.at(cut, Duration.ofDays(7)), listeners, 50, Duration.ofSeconds(5), 42),
                            List.of(theirs.options(), recipe.options()), line -> System.err.println("replay: " + line));
                    metrics.putAll(scores.get(1));
                    scores.get(0).forEach((k, v) -> metrics.put("current." + k, v));
                    double mine = scores.get(1).get(EmbeddingReplay.MEAN);
                    double old = scores.get(0).get(EmbeddingReplay.MEAN);
                    promote = mine >= old; // a tie: the same quality on fresher data
                    reason = String.format(Locale.ROOT, "%s: replay NDCG@10 (mean of Daily and similar songs) at %s %.4f against %.4f "
                            + "of the current version %s (%s)", promote ? "promoted" : "not promoted", cut, mine, old, current.get(), theirs);
                } catch (IllegalArgumentException e) {
                    promote = false;
                    reason = "not promoted: cannot judge it against the current version " + current.get() + ": " + e.getMessage();
                }
            }
            ModelCard card = EmbeddingVersions.store(registry, t, now, metrics, reason);
            System.out.printf(Locale.ROOT, "embeddings version %s: %s%n", card.version(), card.note());
            card.metricLines().forEach(line -> System.out.println("  " + line));
            if (!promote) {
                System.out.println("kept, not promoted (melograph models promote embeddings " + card.version() + " to use it anyway)");
                return false;
            }
            GraphEmbeddings.Loaded loaded = EmbeddingVersions.promote(registry, connection, card.version(), reason, rebuildIndexes);
            System.out.printf(Locale.ROOT, "promoted: %,d vectors on the nodes, %,d of other versions removed, %,d new nodes folded in, "
                    + "in %.1f s; vector recall serves them now%n", loaded.written(), loaded.removed(), loaded.foldedIn(), loaded.millis() / 1e3);
            return true;
        }

        private static void printCounts(Map<String, Long> e) {
            StringBuilder counts = new StringBuilder();
            for (String label : GraphEmbeddings.LABELS) {
                counts.append(String.format("%s%s %,d/%,d", counts.length() == 0 ? "" : ", ", label,
                        e.getOrDefault(label, 0L), e.getOrDefault(label + ".total", 0L)));
            }
            System.out.println("with an embedding: " + counts);
        }

        private static void print(GraphEmbeddings.Result r) {
            GraphEmbeddings.Options o = r.options();
            System.out.printf("%s, %d dimensions, seed %d, relationships %s%n", o.algorithm(), o.dimensions(), o.seed(),
                    o.profile().name());
            System.out.printf("projected %,d nodes and %,d relationships (both directions) in %.1f s%n", r.nodes(),
                    r.relationships(), r.projectMillis() / 1e3);
            System.out.printf("computed in %.1f s, stored %,d embeddings in %.1f s%s%n", r.computeMillis() / 1e3, r.written(),
                    r.writeMillis() / 1e3, r.removed() > 0 ? String.format(", removed %,d stale ones", r.removed()) : "");
            if (o.rebuildIndexes()) {
                System.out.printf("vector indexes rebuilt in %.1f s%n", r.indexMillis() / 1e3);
            }
            System.out.printf("total %.1f s%n", r.totalMillis() / 1e3);
        }
    }
}
