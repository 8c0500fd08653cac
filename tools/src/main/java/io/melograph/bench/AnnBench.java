package io.melograph.bench;

import io.melograph.vectors.ExactSongIndex;
import io.melograph.vectors.HnswSongIndex;
import io.melograph.vectors.JVectorSongIndex;
import io.melograph.vectors.SongHit;
import io.melograph.vectors.SongIndex;
import io.melograph.vectors.SongVectors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The in-process ANN indexes (JVector, hnswlib) against an exact scan on the same seeded clustered vectors: build
 * time, heap the index adds, file size and save/load time, recall@k against exact and single-threaded query latency
 * after a warm-up, then the time of online adds of new songs. Queries are fresh points from the same mixture.
 */
public final class AnnBench {
    private static final double SPREAD = 0.5;
    private static final int WARM_UP = 200;

    /** What to run. */
    public record Options(int songs, int dimensions, int queries, int k, int clusters, int adds, int searchWidth, long seed) {}

    /** One index's numbers; times in seconds unless named; heap is what the loaded index holds (vectors, ids, graph). */
    public record Row(String name, double buildSeconds, long heapBytes, long fileBytes, double saveSeconds,
                      double loadSeconds, double recall, VectorBench.Latency query, VectorBench.Latency add) {}

    public record Report(Options options, String load, List<Row> rows) {
        public String markdown() {
            StringBuilder sb = new StringBuilder(String.format(
                    "%,d songs x %d dims (%d clusters), %d queries, k = %d, search width %d, %d online adds, seed %d; %s%n%n",
                    options.songs(), options.dimensions(), options.clusters(), options.queries(), options.k(),
                    options.searchWidth(), options.adds(), options.seed(), load));
            sb.append("| index | build s | heap MB | file MB | save s | load s | recall@").append(options.k())
                    .append(" | p50 ms | p99 ms | add mean ms | add p99 ms |\n");
            sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Row r : rows) {
                sb.append(String.format("| %s | %.1f | %.0f | %.0f | %.1f | %.1f | %.4f | %.3f | %.3f | %.3f | %.3f |%n",
                        r.name(), r.buildSeconds(), r.heapBytes() / 1e6, r.fileBytes() / 1e6, r.saveSeconds(),
                        r.loadSeconds(), r.recall(), r.query().p50(), r.query().p99(), r.add().mean(), r.add().p99()));
            }
            return sb.toString();
        }
    }

    /** Builds one index over the songs; how each library is set up. */
    private interface Builder {
        SongIndex build(SongVectors songs) throws Exception;
    }

    /** Reads back what {@link SongIndex#save} wrote. */
    private interface Loader {
        SongIndex load(Path dir) throws IOException;
    }

    private AnnBench() {}

    public static Report run(Options o, Path scratch) throws Exception {
        ClusteredVectors mixture = new ClusteredVectors(o.dimensions(), o.clusters(), SPREAD, o.seed());
        SongVectors songs = mixture.songs(o.songs());
        List<float[]> queries = new ArrayList<>();
        for (int i = 0; i < o.queries(); i++) {
            queries.add(mixture.next());
        }
        List<float[]> added = new ArrayList<>();
        for (int i = 0; i < o.adds(); i++) {
            added.add(mixture.next());
        }
        ExactSongIndex exact = new ExactSongIndex(songs);
        List<Set<Integer>> truth = new ArrayList<>();
        for (float[] q : queries) {
            truth.add(ids(exact.nearest(q, o.k(), SongIndex.NONE)));
        }
        String load = String.format("load average before the indexes %.2f on %d cores",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        JVectorSongIndex.Settings jv = JVectorSongIndex.Settings.DEFAULT;
        jv = new JVectorSongIndex.Settings(jv.degree(), jv.buildBeam(), jv.overflow(), jv.alpha(), o.searchWidth());
        HnswSongIndex.Settings hs = HnswSongIndex.Settings.DEFAULT;
        hs = new HnswSongIndex.Settings(hs.m(), hs.efConstruction(), o.searchWidth());
        JVectorSongIndex.Settings jvector = jv;
        HnswSongIndex.Settings hnsw = hs;
        List<Row> rows = new ArrayList<>();
        rows.add(measure("exact scan", s -> new ExactSongIndex(s), ExactSongIndex::load, songs, queries, truth, added, o, scratch));
        rows.add(measure("JVector 3.0.6 (M " + jvector.degree() + ", beam " + jvector.buildBeam() + ")",
                s -> JVectorSongIndex.build(s, jvector), dir -> JVectorSongIndex.load(dir, jvector),
                songs, queries, truth, added, o, scratch));
        rows.add(measure("hnswlib 1.2.1 (M " + hnsw.m() + ", efC " + hnsw.efConstruction() + ")",
                s -> HnswSongIndex.build(s, hnsw), HnswSongIndex::load, songs, queries, truth, added, o, scratch));
        return new Report(o, load, rows);
    }

    private static Row measure(String name, Builder builder, Loader loader, SongVectors template, List<float[]> queries,
                               List<Set<Integer>> truth, List<float[]> added, Options o, Path scratch) throws Exception {
        long t = System.nanoTime();
        SongIndex index = builder.build(template.copy()); // a copy: online adds must not reach the next index
        double build = seconds(t);

        Path dir = Files.createDirectories(scratch.resolve(name.split(" ")[0].toLowerCase()));
        t = System.nanoTime();
        index.save(dir);
        double save = seconds(t);
        long fileBytes = 0;
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                fileBytes += Files.size(f);
            }
        }
        index = null;
        long heapBefore = heapAfterGc();
        t = System.nanoTime();
        index = loader.load(dir); // the loaded index answers the queries: what a restarted service would use
        double load = seconds(t);
        long heap = heapAfterGc() - heapBefore; // all the loaded index holds: vectors, ids, graph

        for (int i = 0; i < Math.min(WARM_UP, queries.size()); i++) {
            index.nearest(queries.get(i), o.k(), SongIndex.NONE);
        }
        long[] nanos = new long[queries.size()];
        double recall = 0;
        for (int i = 0; i < queries.size(); i++) {
            long q = System.nanoTime();
            List<SongHit> hits = index.nearest(queries.get(i), o.k(), SongIndex.NONE);
            nanos[i] = System.nanoTime() - q;
            Set<Integer> found = ids(hits);
            found.retainAll(truth.get(i));
            recall += found.size() / (double) truth.get(i).size();
        }
        long[] addNanos = new long[added.size()];
        for (int i = 0; i < added.size(); i++) {
            int song = o.songs() + i;
            long a = System.nanoTime();
            index.put(song, "song-" + song, added.get(i));
            addNanos[i] = System.nanoTime() - a;
        }
        return new Row(name, build, heap, fileBytes, save, load, recall / queries.size(), VectorBench.Latency.of(nanos),
                VectorBench.Latency.of(addNanos));
    }

    private static Set<Integer> ids(List<SongHit> hits) {
        Set<Integer> ids = new HashSet<>();
        for (SongHit h : hits) {
            ids.add(h.song());
        }
        return ids;
    }

    private static long heapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
