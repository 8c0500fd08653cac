package io.melograph.cli;

import io.melograph.bench.CatalogGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark helpers; docs/benchmarks.md says how to run the benchmarks end to end."},
        subcommands = {BenchCommand.Catalog.class, BenchCommand.Schema.class, BenchCommand.Events.class, BenchCommand.Soak.class, BenchCommand.Replay.class,
                BenchCommand.Recall.class, BenchCommand.Similar.class, BenchCommand.Vectors.class, BenchCommand.Ann.class, BenchCommand.Interests.class,
                BenchCommand.InterestTraining.class, BenchCommand.Ranker.class,
                SceneBenchCommand.class})
final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "schema", mixinStandardHelpOptions = true,
            description = {"Applies the schema migrations to a store and waits for its indexes, timing it: the step a",
                    "store built by neo4j-admin import still needs before Melograph can use it."})
    static final class Schema implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        GraphOptions graph = new GraphOptions();

        @Override
        public Integer call() {
            try (io.melograph.graph.GraphConnection connection = io.melograph.graph.GraphConnection.open(graph.settings())) {
                long started = System.nanoTime();
                io.melograph.graph.SchemaMigrations.apply(connection, graph.settings().embeddingDimensions());
                System.out.printf("schema applied and indexes online in %.1f s%n", (System.nanoTime() - started) / 1e9);
                return 0;
            }
        }
    }

    @Command(name = "vectors", mixinStandardHelpOptions = true,
            description = {"The song vector index against exact brute-force search on the same vectors: recall@k and",
                    "latency p50/p99 of the index, of a scan in memory and of a Cypher scan in Neo4j. Needs embeddings",
                    "(melograph train embeddings)."})
    static final class Vectors implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        GraphOptions graph = new GraphOptions();

        @Option(names = "--queries", defaultValue = "200", description = "Query songs, seeded sample (default ${DEFAULT-VALUE}).")
        int queries;

        @Option(names = "--k", defaultValue = "100", description = "Neighbours per query (default ${DEFAULT-VALUE}).")
        int k;

        @Option(names = "--fetch", defaultValue = "100,200", split = ",",
                description = {"How many neighbours to ask the index for, one measured run each (default ${DEFAULT-VALUE}):",
                        "more than k widens the HNSW search."})
        java.util.List<Integer> fetch;

        @Option(names = "--db-scans", defaultValue = "50",
                description = "Queries also answered by a Cypher scan of all songs (default ${DEFAULT-VALUE}; slow on big catalogs).")
        int dbScans;

        @Option(names = "--seed", defaultValue = "42") long seed;

        @Override
        public Integer call() {
            try (io.melograph.graph.GraphConnection connection = io.melograph.graph.GraphConnection.open(graph.settings())) {
                System.out.println(io.melograph.bench.VectorBench.run(connection, queries, k, fetch, dbScans, seed).format());
                return 0;
            }
        }
    }

    @Command(name = "ann", mixinStandardHelpOptions = true,
            description = {"The in-process ANN indexes (JVector, hnswlib) against an exact scan on seeded clustered",
                    "vectors: build time, heap, file size, save/load, recall@k, query p50/p99 and online-add time, as a",
                    "markdown table. Needs no graph."})
    static final class Ann implements Callable<Integer> {
        @Option(names = "--songs", defaultValue = "100000", description = "Songs in the index (default ${DEFAULT-VALUE}).")
        int songs;

        @Option(names = "--dim", defaultValue = "32", description = "Dimensions (default ${DEFAULT-VALUE}).")
        int dim;

        @Option(names = "--queries", defaultValue = "1000", description = "Query vectors (default ${DEFAULT-VALUE}).")
        int queries;

        @Option(names = "--k", defaultValue = "100", description = "Neighbours per query (default ${DEFAULT-VALUE}).")
        int k;

        @Option(names = "--clusters", defaultValue = "2000", description = "Gaussian mixture components (default ${DEFAULT-VALUE}).")
        int clusters;

        @Option(names = "--adds", defaultValue = "1000", description = "Songs added online after the build (default ${DEFAULT-VALUE}).")
        int adds;

        @Option(names = "--search-width", defaultValue = "200",
                description = "Candidates kept while searching: hnswlib's ef, JVector's beam (default ${DEFAULT-VALUE}).")
        int searchWidth;

        @Option(names = "--seed", defaultValue = "42") long seed;

        @Option(names = "--dir", description = "Where the index files go (default: a temporary folder, deleted after).")
        Path dir;

        @Override
        public Integer call() throws Exception {
            Path scratch = dir != null ? dir : java.nio.file.Files.createTempDirectory("melograph-ann");
            try {
                System.out.println(io.melograph.bench.AnnBench.run(new io.melograph.bench.AnnBench.Options(songs, dim,
                        queries, k, clusters, adds, searchWidth, seed), scratch).markdown());
            } finally {
                if (dir == null) {
                    io.melograph.util.Folders.delete(scratch);
                }
            }
            return 0;
        }
    }

    @Command(name = "interests", mixinStandardHelpOptions = true,
            description = {"The interest models' serving cost on the current version of --home (melograph train interests), in",
                    "this process: the per-event update of a listener's short-term interest, long-term interests of a changed",
                    "history, and the interest-1 / interest-now answers of 50 songs; p50/p99 as a markdown table."})
    static final class Interests implements Callable<Integer> {
        @Option(names = "--home", required = true, paramLabel = "DIR", description = "The home whose current interest model is measured.")
        Path home;

        @Option(names = "--listeners", defaultValue = "1000", description = "Simulated listeners (default ${DEFAULT-VALUE}).")
        int listeners;

        @Option(names = "--events", defaultValue = "20000", description = "Events measured (default ${DEFAULT-VALUE}).")
        int events;

        @Option(names = "--seed", defaultValue = "42") long seed;

        @Override
        public Integer call() {
            try {
                System.out.println(io.melograph.bench.InterestBench.run(home, listeners, events, seed).markdown());
                return 0;
            } catch (IllegalArgumentException e) {
                System.err.println("error: " + e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "ranker", mixinStandardHelpOptions = true,
            description = {"A deep ranker's scoring cost per request in this process: one listener with full behaviour",
                    "sequences and N candidate songs scored in one batched ONNX Runtime call (every head of a multi-task model in",
                    "it), on a model of a real one's size fitted for one epoch on synthetic exposures. A markdown row."})
    static final class Ranker implements Callable<Integer> {
        @Option(names = "--model", defaultValue = "din-esmm", description = "dnn, din, dien, session or din-esmm (default ${DEFAULT-VALUE}).")
        String model;

        @Option(names = "--songs", defaultValue = "3749", description = "Catalog size (default ${DEFAULT-VALUE}, the sample's).")
        int songs;

        @Option(names = "--listeners", defaultValue = "300", description = "Listeners the model knows (default ${DEFAULT-VALUE}).")
        int listeners;

        @Option(names = "--candidates", defaultValue = "300", description = "Songs ranked per request (default ${DEFAULT-VALUE}).")
        int candidates;

        @Option(names = "--requests", defaultValue = "1000", description = "Requests measured (default ${DEFAULT-VALUE}).")
        int requests;

        @Option(names = "--warmup-requests", defaultValue = "50",
                description = "Requests scored first and not measured (default ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--examples", defaultValue = "20000", description = "Synthetic training exposures (default ${DEFAULT-VALUE}).")
        int examples;

        @Option(names = "--seed", defaultValue = "42") long seed;

        @Override
        public Integer call() {
            io.melograph.rank.deep.RankerSession.serving(); // what the service pays: its thread setting
            try {
                io.melograph.bench.RankerBench.Report r = io.melograph.bench.RankerBench.run(model, songs, listeners, candidates,
                        warmup, requests, examples, seed);
                System.out.println(io.melograph.bench.RankerBench.Report.header());
                System.out.println(r.markdown());
                return 0;
            } catch (IllegalArgumentException e) {
                System.err.println("error: " + e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "interest-training", mixinStandardHelpOptions = true,
            description = {"The long-term interest model's training cost at a catalog size: a synthetic catalog and listeners in",
                    "memory, MIND with the knowledge-aware tower and the service's settings; neighbourhood and training time,",
                    "steps and peak resident memory as a markdown row. Run one size per process (the peak is the process's)."})
    static final class InterestTraining implements Callable<Integer> {
        @Option(names = "--songs", defaultValue = "1000000", description = "Catalog size (default ${DEFAULT-VALUE}).")
        int songs;

        @Option(names = "--listeners", defaultValue = "2000", description = "Synthetic listeners (default ${DEFAULT-VALUE}).")
        int listeners;

        @Option(names = "--history", defaultValue = "50", description = "Songs each listener heard (default ${DEFAULT-VALUE}).")
        int history;

        @Option(names = "--epochs", defaultValue = "1", description = "Passes over the examples (default ${DEFAULT-VALUE}).")
        int epochs;

        @Option(names = "--no-graph", description = "The id-only song tower.")
        boolean noGraph;

        @Option(names = "--seed", defaultValue = "42") long seed;

        @Override
        public Integer call() throws java.io.IOException {
            System.out.println(io.melograph.bench.InterestTrainingBench.Report.header());
            System.out.println(io.melograph.bench.InterestTrainingBench.run(songs, listeners, history, epochs, !noGraph, seed).markdown());
            return 0;
        }
    }

    @Command(name = "events", mixinStandardHelpOptions = true,
            description = {"Load generator for POST /events of a running service: a sustained run (clients sending",
                    "batches back to back) and an open-loop run of single events at a fixed rate (ack latency)."})
    static final class Events implements Callable<Integer> {
        @Mixin
        ServiceOptions service;

        @Option(names = "--clients", defaultValue = "8") int clients;

        @Option(names = "--batch", defaultValue = "500") int batch;

        @Option(names = "--rate", defaultValue = "2000", description = "Events/s of the latency run (default ${DEFAULT-VALUE}).")
        int rate;

        @Option(names = "--seconds", defaultValue = "30") double seconds;

        @Option(names = "--warmup", defaultValue = "15",
                description = "Seconds of the latency run sent first and not counted (default ${DEFAULT-VALUE}).")
        double warmup;

        @Option(names = "--listeners", defaultValue = "1000",
                description = "Distinct listeners the events come from (default ${DEFAULT-VALUE}).")
        int listeners;

        @Option(names = "--new-listeners",
                description = "Listener ids this run alone uses, so every one is new to the service (default: the same ids every run).")
        boolean newListeners;

        @Override
        public Integer call() throws InterruptedException {
            try {
                io.melograph.bench.EventLoad load = new io.melograph.bench.EventLoad(service.url, service.token, listeners, newListeners);
                // latency first, on a fresh service; then the sustained run, after its own warm-up
                System.out.println(load.latency(rate, seconds, warmup).format());
                load.throughput(2, batch, 5);
                System.out.println(load.throughput(clients, batch, seconds).format());
                return 0;
            } catch (IllegalArgumentException e) {
                System.err.println("error: " + e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "soak", mixinStandardHelpOptions = true,
            description = {"Memory soak of a running service: POST /events for many distinct listeners (three events each,",
                    "never seen again) at a fixed rate, with the service's heap after a full GC and its resident set at",
                    "checkpoints (jcmd and /proc: run it on the service's machine). Song ids from the graph of --home."})
    static final class Soak implements Callable<Integer> {
        @Mixin
        ServiceOptions service;

        @picocli.CommandLine.Mixin
        GraphOptions graph = new GraphOptions();

        @Option(names = "--listeners", defaultValue = "1000000", description = "Distinct listeners (default ${DEFAULT-VALUE}).")
        long listeners;

        @Option(names = "--rate", defaultValue = "10000", description = "Events/s (default ${DEFAULT-VALUE}).")
        int rate;

        @Option(names = "--batch", defaultValue = "600", description = "Events a request (default ${DEFAULT-VALUE}).")
        int batch;

        @Option(names = "--checkpoints", defaultValue = "10") int checkpoints;

        @Option(names = "--pid", defaultValue = "0", description = "The service's process id, for its memory (0: not measured).")
        long pid;

        @Override
        public Integer call() throws Exception {
            java.util.List<String> songs;
            try (io.melograph.graph.GraphConnection connection = io.melograph.graph.GraphConnection.open(graph.settings());
                 org.neo4j.driver.Session s = connection.readSession()) {
                songs = s.run(io.melograph.graph.CypherFile.load("events/known-items.cypher").statement()).stream()
                        .filter(r -> r.get("label").asString().equals("Song")).map(r -> r.get("id").asString()).limit(5000).toList();
            }
            new io.melograph.bench.SoakLoad(service.url, service.token, songs, pid).run(listeners, rate, batch, checkpoints);
            return 0;
        }
    }

    @Command(name = "recall", mixinStandardHelpOptions = true,
            description = {"Per-channel recall latency (p50/p99) on the graph of --home (or NEO4J_URI): every graph channel",
                    "alone, one request at a time, for listeners with song listens, seeds from the graph."})
    static final class Recall implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        GraphOptions graph = new GraphOptions();

        @Option(names = "--listeners", defaultValue = "100") int listeners;

        @Option(names = "--rounds", defaultValue = "3") int rounds;

        @Option(names = "--limit", defaultValue = "50") int limit;

        @Override
        public Integer call() {
            try (io.melograph.graph.GraphConnection connection = io.melograph.graph.GraphConnection.open(graph.settings())) {
                System.out.print(io.melograph.bench.RecallBench.run(connection, listeners, rounds, limit));
                return 0;
            }
        }
    }

    @Command(name = "similar", mixinStandardHelpOptions = true,
            description = {"Load generator for GET /songs/{id}/similar of a running service (--url): one client, back to back,",
                    "over a seeded sample of the songs of --home's graph (--listeners: GET /users/{id}/recall over its",
                    "listeners); latency percentiles and how many channel answers came from the neighbour store (melograph",
                    "neighbours build) or the graph."})
    static final class Similar implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        GraphOptions graph = new GraphOptions();

        @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "The service (default ${DEFAULT-VALUE}).")
        String url;

        @Option(names = "--requests", defaultValue = "2000") int requests;

        @Option(names = "--songs", defaultValue = "500", description = "Songs (or listeners) in the sample (default ${DEFAULT-VALUE}).") int songs;

        @Option(names = "--limit", defaultValue = "20") int limit;

        @Option(names = "--seed", defaultValue = "42") long seed;

        @Option(names = "--listeners", description = "Ask each sampled listener's recall (all channels) instead of similar songs.")
        boolean listeners;

        @Option(names = "--token", description = "Bearer token (the admin token: /users/{id}/recall shows a listener's history).")
        String token;

        @Override
        public Integer call() throws Exception {
            List<String> ids;
            try (io.melograph.graph.GraphConnection connection = io.melograph.graph.GraphConnection.open(graph.settings());
                 org.neo4j.driver.Session s = connection.readSession()) {
                ids = s.run(io.melograph.graph.CypherFile.load(listeners ? "bench/listeners.cypher" : "bench/songs.cypher").statement())
                        .single().get("ids").asList(org.neo4j.driver.Value::asString);
            }
            List<String> sample = new java.util.ArrayList<>(ids);
            java.util.Collections.shuffle(sample, new java.util.Random(seed));
            sample = sample.subList(0, Math.min(songs, sample.size()));
            System.out.println(io.melograph.bench.SimilarLoad.run(url, listeners ? "/users/%s/recall" : "/songs/%s/similar", token, sample,
                    requests, limit, seed).format());
            return 0;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = {"Builds a journal of N synthetic events in DIR (reused if there) and times opening and replaying it;",
                    "with --kafka, a Kafka topic (bench-replay-<P>p-<N>[-<L>l], reused if there) instead of DIR, then opens it again",
                    "with its ids kept on disk (as a restarted service does)."})
    static final class Replay implements Callable<Integer> {
        @Option(names = "--events", defaultValue = "2000000") int events;

        @Option(names = "--kafka", paramLabel = "BOOTSTRAP", description = "the brokers: a topic instead of a file journal")
        String kafka;

        @Option(names = "--partitions", defaultValue = "1", description = "the topic's partitions when it is created (default: ${DEFAULT-VALUE})")
        int partitions;

        @Option(names = "--listeners", defaultValue = "" + io.melograph.bench.JournalReplayBench.DEFAULT_LISTENERS,
                description = "the listeners the events come from, in turn (default: ${DEFAULT-VALUE}); a new DIR for another number")
        int listeners;

        @Parameters(arity = "0..1", paramLabel = "DIR") Path dir;

        @Override
        public Integer call() throws Exception {
            if ((kafka == null) == (dir == null)) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "give exactly one of DIR and --kafka");
            }
            if (listeners < 1) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--listeners must be at least 1");
            }
            System.out.println(kafka != null ? io.melograph.bench.JournalReplayBench.runKafka(kafka, partitions, events, listeners)
                    : io.melograph.bench.JournalReplayBench.run(dir, events, listeners));
            return 0;
        }
    }

    @Command(name = "catalog", mixinStandardHelpOptions = true,
            description = {"Writes a synthetic catalog (ids gen:...) in the CSV import formats: entity files and one",
                    "triples-<type>.csv per relationship type, about 10 relationships per song. Seeded and deterministic."})
    static final class Catalog implements Callable<Integer> {
        @Option(names = "--songs", defaultValue = "1000000", description = "Number of songs (default ${DEFAULT-VALUE}).")
        int songs;

        @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Parameters(arity = "1", paramLabel = "DIR")
        Path dir;

        @Override
        public Integer call() throws IOException {
            Map<String, Long> rows = new CatalogGenerator(songs, seed).write(dir);
            long nodes = 0;
            long relationships = 0;
            for (Map.Entry<String, Long> e : rows.entrySet()) {
                System.out.printf("%-32s %,12d rows%n", e.getKey(), e.getValue());
                if (e.getKey().startsWith("triples")) {
                    relationships += e.getValue();
                } else {
                    nodes += e.getValue();
                }
            }
            System.out.printf("%,d nodes, %,d relationships in %s%n", nodes, relationships, dir);
            return 0;
        }
    }
}
