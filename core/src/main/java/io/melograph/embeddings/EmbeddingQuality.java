package io.melograph.embeddings;

import io.melograph.graph.CypherFile;
import io.melograph.graph.GraphConnection;
import io.melograph.vectors.VectorMath;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * How much a song's nearest neighbours in embedding space have in common with it — a cheap proxy for the quality of
 * song embeddings: the share of its k exact nearest neighbours (cosine, brute force) by the same artist, on the same
 * album, sharing a genre, or co-listened with it, next to the share a random song would have. Measured for a seeded
 * sample of songs; each proxy averages over the sampled songs it applies to (a song whose artist has no other song
 * says nothing about same-artist neighbours).
 */
public final class EmbeddingQuality {

    /** One proxy: the mean hit rate of the neighbours, the rate random songs would reach, over how many songs. */
    public record Proxy(String name, double hitRate, double random, int queries) {}

    /**
     * @param coverage distinct songs among all neighbour lists / min(songs, queries x k): low values mean a few
     *                 hub songs are everyone's neighbours
     */
    public record Report(int songs, int queries, int k, List<Proxy> proxies, double coverage) {
        public String format() {
            StringBuilder sb = new StringBuilder(String.format("quality: %d sampled songs of %,d, exact %d nearest neighbours:",
                    queries, songs, k));
            for (Proxy p : proxies) {
                if (p.queries() == 0) {
                    continue;
                }
                sb.append(String.format("%n  %-21s %.3f  (random %.3f, %d songs)", p.name(), p.hitRate(), p.random(), p.queries()));
            }
            sb.append(String.format("%n  %-21s %.3f", "coverage", coverage));
            return sb.toString();
        }
    }

    /** Songs, their normalised vectors and per proxy the values a neighbour may share (interned ints). */
    private static final class Catalog {
        final List<String> ids = new ArrayList<>();
        final List<float[]> vectors = new ArrayList<>();
        final Map<String, List<int[]>> facts = new HashMap<>();
        final Map<String, Map<String, Integer>> interned = new HashMap<>();
        final Map<String, List<List<String>>> partners = new HashMap<>();

        void add(String kind, List<String> values) {
            Map<String, Integer> codes = interned.computeIfAbsent(kind, k -> new HashMap<>());
            int[] out = values.stream().distinct().mapToInt(v -> codes.computeIfAbsent(v, x -> codes.size())).toArray();
            facts.computeIfAbsent(kind, k -> new ArrayList<>()).add(out);
        }
    }

    private static final List<String> SHARED = List.of("artist", "album", "genre");

    private EmbeddingQuality() {}

    /**
     * @param holdout the training run's {@link GraphEmbeddings.Options#holdout()}: with it, a proxy for the
     *                co-listen partners the embeddings never saw
     */
    public static Report measure(GraphConnection graph, int queries, int k, long seed, int holdout) {
        Catalog c = load(graph, holdout);
        int n = c.ids.size();
        if (n <= k) {
            return new Report(n, 0, k, List.of(), 0);
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(c.ids.get(i), i);
        }
        int[] sample = sample(n, Math.min(queries, n), seed);
        int[][] neighbours = new int[sample.length][];
        IntStream.range(0, sample.length).parallel()
                .forEach(q -> neighbours[q] = VectorMath.nearest(c.vectors, c.vectors.get(sample[q]), k, sample[q]));

        List<Proxy> proxies = new ArrayList<>();
        for (String kind : SHARED) {
            proxies.add(shared(kind, c.facts.get(kind), c.interned.get(kind).size(), sample, neighbours, n));
        }
        proxies.add(partners("co-listened", resolve(c.partners.get("co-listened"), index), sample, neighbours, n));
        if (holdout > 0) {
            proxies.add(partners("held-out co-listened 2+", resolve(c.partners.get("held-out"), index), sample, neighbours, n));
        }
        Set<Integer> distinct = new HashSet<>();
        for (int[] list : neighbours) {
            for (int x : list) {
                distinct.add(x);
            }
        }
        return new Report(n, sample.length, k, proxies, distinct.size() / (double) Math.min(n, sample.length * k));
    }

    /** Share of neighbours with a value in common (same artist, album, genre), and what random songs would reach. */
    private static Proxy shared(String kind, List<int[]> facts, int values, int[] sample, int[][] neighbours, int n) {
        List<List<Integer>> songsOf = new ArrayList<>(values);
        for (int v = 0; v < values; v++) {
            songsOf.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (int v : facts.get(i)) {
                songsOf.get(v).add(i);
            }
        }
        double hits = 0;
        double random = 0;
        int used = 0;
        BitSet mark = new BitSet(n);
        for (int q = 0; q < sample.length; q++) {
            int song = sample[q];
            mark.clear();
            for (int v : facts.get(song)) {
                songsOf.get(v).forEach(mark::set);
            }
            int sharing = mark.cardinality() - 1;
            if (sharing <= 0) {
                continue;
            }
            used++;
            random += sharing / (double) (n - 1);
            int h = 0;
            for (int x : neighbours[q]) {
                h += mark.get(x) ? 1 : 0;
            }
            hits += h / (double) neighbours[q].length;
        }
        return new Proxy("same " + kind, used == 0 ? 0 : hits / used, used == 0 ? 0 : random / used, used);
    }

    private static int[][] resolve(List<List<String>> ids, Map<String, Integer> index) {
        int[][] out = new int[ids.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.get(i).stream().map(index::get).filter(java.util.Objects::nonNull)
                    .mapToInt(Integer::intValue).distinct().toArray();
        }
        return out;
    }

    /** Share of neighbours that are the song's partners (co-listened songs), and what random songs would reach. */
    private static Proxy partners(String name, int[][] partnersOf, int[] sample, int[][] neighbours, int n) {
        double hits = 0;
        double random = 0;
        int used = 0;
        for (int q = 0; q < sample.length; q++) {
            int[] partners = partnersOf[sample[q]];
            if (partners.length == 0) {
                continue;
            }
            used++;
            random += partners.length / (double) (n - 1);
            Set<Integer> set = new HashSet<>();
            for (int p : partners) {
                set.add(p);
            }
            int h = 0;
            for (int x : neighbours[q]) {
                h += set.contains(x) ? 1 : 0;
            }
            hits += h / (double) neighbours[q].length;
        }
        return new Proxy(name, used == 0 ? 0 : hits / used, used == 0 ? 0 : random / used, used);
    }

    private static int[] sample(int n, int size, long seed) {
        int[] all = IntStream.range(0, n).toArray();
        Random random = new Random(seed);
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return java.util.Arrays.copyOf(all, size);
    }

    private static Catalog load(GraphConnection graph, int holdout) {
        Catalog c = new Catalog();
        try (Session s = graph.readSession()) {
            Result rows = s.run(CypherFile.load("embeddings/quality-songs.cypher").statement(), Map.of("holdout", holdout));
            while (rows.hasNext()) {
                Record r = rows.next();
                c.ids.add(r.get("id").asString());
                c.vectors.add(VectorMath.normalised(r.get("vector")));
                c.add("artist", r.get("artists").asList(Value::asString));
                c.add("album", r.get("albums").asList(Value::asString));
                c.add("genre", r.get("genres").asList(Value::asString));
                c.partners.computeIfAbsent("co-listened", x -> new ArrayList<>()).add(r.get("coListened").asList(Value::asString));
                c.partners.computeIfAbsent("held-out", x -> new ArrayList<>()).add(r.get("heldOut").asList(Value::asString));
            }
        }
        return c;
    }
}
