package io.melograph.recall;

import io.melograph.graph.GraphConnection;
import io.melograph.graph.CypherFile;
import io.melograph.recall.ListenerContext.Seed;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.async.AsyncTransactionContext;
import org.neo4j.driver.async.ResultCursor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Nearest neighbours of seed items in a Neo4j vector index, within a time budget: the seeds' embeddings are read,
 * averaged (each normalised, weighted by the seed's weight) into one query vector, and {@code
 * db.index.vector.queryNodes} answers; every candidate names the seed it is closest to. One read transaction within
 * the budget ({@link BudgetedRead}). The index is read live, so embeddings written by a training run are served from
 * the moment they commit.
 */
final class VectorSearch {
    /** Most candidates one request may ask for. */
    static final int MAX_LIMIT = 500;
    /** Most seeds averaged into one query vector (the strongest). */
    static final int MAX_SEEDS = 50;
    /** Most neighbours fetched from the index (for re-scoring and to make up for exclusions). */
    static final int MAX_K = 1_000;
    /**
     * Fewest asked of the index, whatever the limit: k is the search's beam, and a beam of a handful starting in one
     * tight cluster never leaves it (two scenes sharing nothing: a b-song's 7 nearest came back all a-songs).
     */
    static final int MIN_K = 100;
    /** Loaded once: recall runs on the request path. */
    private static final String HISTORY = CypherFile.load("recall/listener-top-songs.cypher").statement();
    private static final String NEIGHBOURS = CypherFile.load("recall/vector-neighbours.cypher").statement();

    /**
     * One search.
     *
     * @param seedVectors the statement reading the seeds' embeddings ({@code $ids} in; id, name, vector out; several
     *                    rows for one seed are averaged)
     * @param historyOf   when no seeds are given: the listener whose most played songs become the seeds
     * @param exclude     ids never to return (the seeds are left out as well)
     * @param reason      the sentence for a candidate found through a seed
     */
    record Request(String channel, String index, String itemType, String seedVectors, List<Seed> seeds,
                   String historyOf, Collection<String> exclude, int limit, Function<Seed, String> reason) {}

    private final GraphConnection graph;

    VectorSearch(GraphConnection graph) {
        this.graph = graph;
    }

    List<Candidate> search(Request request, Duration budget) {
        int limit = Math.min(request.limit(), MAX_LIMIT);
        if (limit <= 0 || (request.seeds().isEmpty() && request.historyOf() == null)) {
            return List.of();
        }
        return BudgetedRead.run(graph, request.channel(), budget, tx -> run(tx, request, limit));
    }

    private CompletionStage<List<Candidate>> run(AsyncTransactionContext tx, Request request, int limit) {
        if (request.seeds().isEmpty()) {
            // the listener's most played songs, weighted by plays; the rows carry their vectors
            return list(tx, HISTORY, Map.of("userId", request.historyOf(), "limit", MAX_SEEDS)).thenCompose(rows -> {
                Map<String, Seed> byId = new LinkedHashMap<>();
                for (Record r : rows) {
                    long plays = r.get("plays").asLong();
                    byId.put(r.get("id").asString(), new Seed(r.get("id").asString(), r.get("name").asString(null), plays, plays));
                }
                return neighbours(tx, request, limit, byId, rows);
            });
        }
        Map<String, Seed> byId = new LinkedHashMap<>();
        strongest(request.seeds()).forEach(s -> byId.putIfAbsent(s.id(), s));
        if (byId.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return list(tx, request.seedVectors(), Map.of("ids", List.copyOf(byId.keySet())))
                .thenCompose(rows -> neighbours(tx, request, limit, byId, rows));
    }

    /**
     * The query vector from the seeds' rows (id, name, vector; several rows of one seed are averaged into its
     * vector), then the index query.
     */
    private CompletionStage<List<Candidate>> neighbours(AsyncTransactionContext tx, Request request, int limit,
                                                        Map<String, Seed> seeds, List<Record> rows) {
        Map<String, double[]> seedVectors = new LinkedHashMap<>();
        for (Record r : rows) {
            double[] v = normalised(r.get("vector"));
            String id = r.get("id").asString();
            Seed seed = seeds.get(id);
            if (v == null || seed == null) {
                continue;
            }
            if (seed.name() == null) {
                seeds.put(id, new Seed(id, r.get("name").asString(id), seed.weight(), seed.plays()));
            }
            double[] sum = seedVectors.computeIfAbsent(id, k -> new double[v.length]);
            if (sum.length == v.length) {
                for (int i = 0; i < v.length; i++) {
                    sum[i] += v[i];
                }
            }
        }
        double[] query = null;
        List<Map<String, Object>> seedParams = new ArrayList<>();
        for (Map.Entry<String, double[]> e : seedVectors.entrySet()) {
            double[] v = normalised(e.getValue());
            if (v == null || (query != null && v.length != query.length)) {
                continue;
            }
            if (query == null) {
                query = new double[v.length];
            }
            double weight = seeds.get(e.getKey()).weight();
            for (int i = 0; i < v.length; i++) {
                query[i] += weight * v[i];
            }
            seedParams.add(Map.of("id", e.getKey(), "vector", toList(v)));
        }
        double[] direction = query == null ? null : normalised(query);
        if (direction == null) {
            return CompletableFuture.completedFuture(List.of());
        }
        Set<String> exclude = new LinkedHashSet<>(request.exclude());
        exclude.addAll(seeds.keySet());
        Map<String, Object> params = new HashMap<>();
        params.put("index", request.index());
        params.put("vector", toList(direction));
        // twice the limit (at least MIN_K), re-scored exactly (vector-neighbours.cypher), plus room for what is left out
        params.put("k", Math.min(MAX_K, Math.max(MIN_K, 2 * limit + exclude.size())));
        params.put("limit", limit);
        params.put("exclude", List.copyOf(exclude));
        params.put("seeds", seedParams);
        return list(tx, NEIGHBOURS, params).thenApply(found -> {
            List<Candidate> out = new ArrayList<>(found.size());
            for (Record r : found) {
                Seed seed = seeds.get(r.get("seedId").asString());
                String id = r.get("id").asString();
                out.add(new Candidate(id, request.itemType(), r.get("name").asString(null), r.get("score").asDouble(),
                        request.channel(), request.reason().apply(seed), List.of(seed.id(), id)));
            }
            return out;
        });
    }

    private static CompletionStage<List<Record>> list(AsyncTransactionContext tx, String query, Map<String, Object> params) {
        return tx.runAsync(query, params).thenCompose(ResultCursor::listAsync);
    }

    /** The strongest seeds with a positive weight, strongest first, at most {@link #MAX_SEEDS}. */
    private static List<Seed> strongest(List<Seed> seeds) {
        return seeds.stream().filter(s -> s.id() != null && s.weight() > 0)
                .sorted((a, b) -> Double.compare(b.weight(), a.weight())).limit(MAX_SEEDS).toList();
    }

    private static double[] normalised(Value list) {
        if (list.isNull() || list.size() == 0) {
            return null;
        }
        double[] v = new double[list.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = list.get(i).asDouble();
        }
        return normalised(v);
    }

    /** The vector scaled to length 1 in place, or null when it is all zeros. */
    private static double[] normalised(double[] v) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        if (norm == 0 || Double.isNaN(norm)) {
            return null;
        }
        double inv = 1 / Math.sqrt(norm);
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }

    private static List<Double> toList(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double x : v) {
            out.add(x);
        }
        return out;
    }

    /** "12 times", "once", "twice". */
    static String times(long n) {
        return n == 1 ? "once" : n == 2 ? "twice" : n + " times";
    }
}
