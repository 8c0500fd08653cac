package io.melograph.bench;

import io.melograph.graph.CypherFile;
import io.melograph.graph.GraphConnection;
import io.melograph.vectors.VectorMath;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The song vector index against exact search on the same vectors, in one run: for a seeded sample of songs (each
 * song's own embedding is the query), the top k from {@code db.index.vector.queryNodes}, from a brute-force scan in
 * memory (the reference: all vectors loaded once, normalised, cosine) and from a brute-force scan in the database
 * (Cypher over every song's embedding, on the first {@code dbScans} queries only: it reads the whole catalog each time).
 * Reports recall@k of the index and the latency of each (client-side, one query at a time, after a warm-up).
 */
public final class VectorBench {

    /** Latency percentiles in milliseconds over {@code n} queries. */
    public record Latency(int n, double p50, double p99, double mean) {
        static Latency of(long[] nanos) {
            if (nanos.length == 0) {
                return new Latency(0, Double.NaN, Double.NaN, Double.NaN);
            }
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Latency(sorted.length, percentile(sorted, 0.50), percentile(sorted, 0.99),
                    Arrays.stream(sorted).average().orElse(0) / 1e6);
        }

        private static double percentile(long[] sorted, double p) {
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
        }
    }

    /**
     * The index asked for {@code fetch} neighbours, its top k compared with the exact top k: by id, and with ties
     * counted (a returned song whose exact similarity is at least the exact k-th best's, less 1e-6, is a hit: songs
     * with equal vectors are interchangeable, as in ann-benchmarks).
     */
    public record IndexRun(int fetch, double recall, double recallWithTies, double recallAt10, Latency latency) {}

    public record Report(int songs, int dimensions, int queries, int k, List<IndexRun> index, double dbScanRecall,
                         Latency memoryScan, Latency dbScan, long loadMillis) {
        public String format() {
            StringBuilder sb = new StringBuilder(String.format(
                    "%,d songs with %d-dimensional embeddings (loaded in %.1f s); %d query songs, k = %d%n",
                    songs, dimensions, loadMillis / 1e3, queries, k));
            sb.append(String.format("%-40s %10s %11s %9s %8s %8s %8s%n", "", "recall@" + k, "with ties", "recall@10",
                    "p50 ms", "p99 ms", "mean ms"));
            for (IndexRun r : index) {
                sb.append(String.format("%-40s %10.4f %11.4f %9.4f %8.2f %8.2f %8.2f%n", "vector index, " + r.fetch() + " asked, re-scored",
                        r.recall(), r.recallWithTies(), r.recallAt10(), r.latency().p50(), r.latency().p99(), r.latency().mean()));
            }
            sb.append(String.format("%-40s %10s %11s %9s %8.2f %8.2f %8.2f%n", "exact, in memory (reference)", "1", "1", "1",
                    memoryScan.p50(), memoryScan.p99(), memoryScan.mean()));
            sb.append(String.format("%-40s %10.4f %11s %9s %8.2f %8.2f %8.2f", "exact, Cypher scan (" + dbScan.n() + " queries)",
                    dbScanRecall, "", "", dbScan.p50(), dbScan.p99(), dbScan.mean()));
            return sb.toString();
        }
    }

    private VectorBench() {}

    /**
     * @param fetches how many neighbours to ask the index for, one measured run each (values below k count as k);
     *                they are re-scored with the exact cosine and the best k kept: the index ranks by quantised
     *                vectors, so asking for more than k and re-scoring raises recall
     */
    public static Report run(GraphConnection graph, int queries, int k, List<Integer> fetches, int dbScans, long seed) {
        String indexQuery = CypherFile.load("bench/vector-index-query.cypher").statement();
        String scanQuery = CypherFile.load("bench/vector-scan-query.cypher").statement();
        long loading = System.nanoTime();
        List<String> ids = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        try (Session s = graph.readSession()) {
            Result rows = s.run(CypherFile.load("bench/song-embeddings.cypher").statement());
            while (rows.hasNext()) {
                Record r = rows.next();
                ids.add(r.get("id").asString());
                vectors.add(VectorMath.normalised(r.get("vector")));
            }
        }
        long loadMillis = (System.nanoTime() - loading) / 1_000_000;
        if (ids.size() < k) {
            throw new IllegalStateException("only " + ids.size() + " songs have an embedding (need at least " + k
                    + "): run `melograph train embeddings` first");
        }
        int[] sample = new Random(seed).ints(0, ids.size()).distinct().limit(Math.min(queries, ids.size())).toArray();
        int n = sample.length;
        List<List<Double>> query = new ArrayList<>();
        List<Set<String>> truth = new ArrayList<>();
        List<Set<String>> truth10 = new ArrayList<>();
        float[] kthBest = new float[n];
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            position.put(ids.get(i), i);
        }
        long[] memoryNanos = new long[n];
        for (int i = 0; i < n; i++) {
            List<Double> v = new ArrayList<>();
            for (float x : vectors.get(sample[i])) {
                v.add((double) x);
            }
            query.add(v);
            VectorMath.nearest(vectors, vectors.get(sample[i]), k, -1); // warm-up
            long t = System.nanoTime();
            int[] exact = VectorMath.nearest(vectors, vectors.get(sample[i]), k, -1);
            memoryNanos[i] = System.nanoTime() - t;
            Set<String> all = new HashSet<>();
            Set<String> first = new HashSet<>();
            for (int j = 0; j < exact.length; j++) {
                all.add(ids.get(exact[j]));
                if (j < 10) {
                    first.add(ids.get(exact[j]));
                }
            }
            truth.add(all);
            truth10.add(first);
            kthBest[i] = VectorMath.dot(vectors.get(sample[i]), vectors.get(exact[exact.length - 1]));
        }
        List<IndexRun> runs = new ArrayList<>();
        long[] dbNanos = new long[Math.min(dbScans, n)];
        double dbRecall = 0;
        try (Session s = graph.readSession()) {
            for (int fetch : fetches) {
                int asked = Math.max(k, fetch);
                for (int i = 0; i < Math.min(20, n); i++) {
                    top(s, indexQuery, query.get(i), k, asked); // warm-up: index pages, query plan
                }
                long[] nanos = new long[n];
                double recall = 0;
                double withTies = 0;
                double recall10 = 0;
                for (int i = 0; i < n; i++) {
                    long t = System.nanoTime();
                    List<String> approx = top(s, indexQuery, query.get(i), k, asked);
                    nanos[i] = System.nanoTime() - t;
                    recall += overlap(approx, truth.get(i)) / (double) truth.get(i).size();
                    int good = 0;
                    for (String id : approx) {
                        float sim = VectorMath.dot(vectors.get(sample[i]), vectors.get(position.get(id)));
                        good += sim >= kthBest[i] - 1e-6f ? 1 : 0;
                    }
                    withTies += Math.min(good, truth.get(i).size()) / (double) truth.get(i).size();
                    recall10 += overlap(approx.subList(0, Math.min(10, approx.size())), truth10.get(i))
                            / (double) truth10.get(i).size();
                }
                runs.add(new IndexRun(asked, recall / n, withTies / n, recall10 / n, Latency.of(nanos)));
            }
            if (dbNanos.length > 0) {
                top(s, scanQuery, query.get(0), k); // warm-up
            }
            for (int i = 0; i < dbNanos.length; i++) {
                long t = System.nanoTime();
                List<String> scanned = top(s, scanQuery, query.get(i), k);
                dbNanos[i] = System.nanoTime() - t;
                dbRecall += overlap(scanned, truth.get(i)) / (double) truth.get(i).size();
            }
        }
        return new Report(ids.size(), vectors.get(0).length, n, k, runs,
                dbNanos.length == 0 ? Double.NaN : dbRecall / dbNanos.length, Latency.of(memoryNanos),
                Latency.of(dbNanos), loadMillis);
    }

    private static List<String> top(Session s, String query, List<Double> vector, int k) {
        return s.run(query, Map.of("vector", vector, "k", k)).list(r -> r.get("id").asString());
    }

    /** The index's top k when it is asked for {@code fetch} >= k neighbours, re-scored exactly. */
    private static List<String> top(Session s, String query, List<Double> vector, int k, int fetch) {
        return s.run(query, Map.of("vector", vector, "k", k, "fetch", fetch)).list(r -> r.get("id").asString());
    }

    private static int overlap(List<String> found, Set<String> truth) {
        int n = 0;
        for (String id : found) {
            n += truth.contains(id) ? 1 : 0;
        }
        return n;
    }
}
