package io.melograph.cli;

import io.melograph.graph.GraphConnection;
import io.melograph.graph.GraphSettings;
import io.melograph.graph.SchemaMigrations;
import io.melograph.train.EmbeddingProfile;
import io.melograph.train.EmbeddingQuality;
import io.melograph.train.GraphEmbeddings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Builds what recommendations learn from the graph.",
        subcommands = {TrainCommand.Embeddings.class, TrainFtrlCommand.class})
final class TrainCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "embeddings", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"(Re)computes graph embeddings with GDS (FastRP, or node2vec for comparison) and stores them as",
                    "`embedding` on songs, artists, albums and users; the song_embedding and artist_embedding vector",
                    "indexes serve them as soon as they are written (a running service needs no restart).",
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
                "song's neighbours are held-out partners. Train again without it afterwards."})
        int holdout;

        @Override
        public Integer call() {
            GraphSettings settings = graph.settings();
            int dims = dimensions == null ? settings.embeddingDimensions() : dimensions;
            EmbeddingProfile profile = EmbeddingProfile.named(relationships);
            GraphEmbeddings.Algorithm algo = GraphEmbeddings.Algorithm.parse(algorithm);
            try (GraphConnection connection = GraphConnection.open(settings)) {
                // creates or resizes the vector indexes for this dimension
                SchemaMigrations.apply(connection, dims);
                if (dims != settings.embeddingDimensions()) {
                    System.out.printf("note: the vector indexes now have %d dimensions; set MELOGRAPH_EMBEDDING_DIM=%d for the "
                            + "service, or its next start rebuilds them for %d%n", dims, dims, settings.embeddingDimensions());
                }
                if (newOnly) {
                    GraphEmbeddings.FoldIn f = GraphEmbeddings.foldIn(connection, profile, dims);
                    System.out.printf("folded in %,d new nodes in %.1f s; still without an embedding: %s%n", f.added(),
                            f.millis() / 1e3, f.missing());
                } else {
                    // node2vec is reproducible from its seed only single-threaded
                    GraphEmbeddings.Options options = new GraphEmbeddings.Options(algo, dims, seed, profile,
                            algo == GraphEmbeddings.Algorithm.NODE2VEC ? 1 : 2, holdout, rebuildIndexes);
                    print(GraphEmbeddings.train(connection, options));
                }
                if (quality > 0) {
                    System.out.println(EmbeddingQuality.measure(connection, quality, 10, seed, newOnly ? 0 : holdout).format());
                }
                return 0;
            }
        }

        private static void print(GraphEmbeddings.Result r) {
            GraphEmbeddings.Options o = r.options();
            System.out.printf("%s, %d dimensions, seed %d, relationships %s%n", o.algorithm(), o.dimensions(), o.seed(),
                    o.profile().name());
            System.out.printf("projected %,d nodes and %,d relationships (both directions) in %.1f s%n", r.nodes(),
                    r.relationships(), r.projectMillis() / 1e3);
            System.out.printf("computed in %.1f s, wrote %,d embeddings in %.1f s, removed %,d stale ones%n",
                    r.computeMillis() / 1e3, r.written(), r.writeMillis() / 1e3, r.removed());
            if (o.rebuildIndexes()) {
                System.out.printf("vector indexes rebuilt in %.1f s%n", r.indexMillis() / 1e3);
            }
            StringBuilder counts = new StringBuilder();
            for (String label : GraphEmbeddings.LABELS) {
                Map<String, Long> e = r.embedded();
                counts.append(String.format("%s%s %,d/%,d", counts.length() == 0 ? "" : ", ", label,
                        e.getOrDefault(label, 0L), e.getOrDefault(label + ".total", 0L)));
            }
            System.out.println("with an embedding: " + counts);
            System.out.printf("total %.1f s%n", r.totalMillis() / 1e3);
        }
    }
}
