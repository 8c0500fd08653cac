package io.melograph.recall;

import io.melograph.graph.CypherFile;
import io.melograph.graph.GraphConnection;
import io.melograph.neighbours.Neighbour;
import io.melograph.neighbours.NeighbourStore;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Computes every song's neighbours in each item-level channel ({@link ItemChannel}: the graph channels answering
 * from their seed songs alone, and the vector channel) by asking the channel itself with the song as the only seed —
 * so the stored lists, paths and sentences are exactly what the channel answers live — and writes them as a
 * {@link NeighbourStore}. Songs are processed in parallel; a song whose query runs out of time keeps no list in that
 * channel (the service asks the graph for it then).
 */
public final class NeighbourBuild {
    private static final Logger LOG = LoggerFactory.getLogger(NeighbourBuild.class);
    /** Neighbours kept per song and channel: above the similar-songs limit and a listener's per-channel cut. */
    public static final int PER_SONG = 100;
    private static final Duration BUDGET = Duration.ofSeconds(30);

    /** What a build did. */
    public record Result(int songs, List<String> channels, long neighbours, long timeouts, long bytes, long millis) {}

    private NeighbourBuild() {}

    /** The channels whose lists can be stored: graph channels answering from the seed song alone ({@link RecallService#storable}). */
    public static List<ItemChannel> storable(RecallService recall) {
        List<ItemChannel> out = new ArrayList<>();
        for (RecallChannel c : recall.channels().values()) {
            if (c instanceof ItemChannel ic && RecallService.storable(c.name())) {
                out.add(ic);
            }
        }
        return out;
    }

    /**
     * @param embeddings the promoted graph-embeddings version (the vector channel's lists come from it), or null
     */
    public static Result run(GraphConnection graph, RecallService recall, Path dir, int threads, String embeddings) throws IOException {
        long started = System.nanoTime();
        List<ItemChannel> channels = storable(recall);
        List<String[]> songs = new ArrayList<>();
        try (Session s = graph.session()) {
            for (Record r : s.executeRead(tx -> tx.run(CypherFile.load("neighbours/songs.cypher").statement()).list())) {
                songs.add(new String[] {r.get("id").asString(), r.get("name").isNull() ? null : r.get("name").asString()});
            }
        }
        NeighbourStore.Writer writer = new NeighbourStore.Writer(channels.stream().map(ItemChannel::name).toList());
        AtomicLong timeouts = new AtomicLong();
        long neighbours = 0;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            int batch = 256;
            for (int from = 0; from < songs.size(); from += batch) {
                List<Future<Map<String, List<Neighbour>>>> futures = new ArrayList<>();
                for (String[] song : songs.subList(from, Math.min(songs.size(), from + batch))) {
                    futures.add(pool.submit(() -> lists(channels, song[0], song[1], timeouts)));
                }
                for (int i = 0; i < futures.size(); i++) {
                    String[] song = songs.get(from + i);
                    Map<String, List<Neighbour>> lists = futures.get(i).get();
                    writer.add(song[0], song[1], lists);
                    neighbours += lists.values().stream().mapToLong(List::size).sum();
                }
                if ((from / batch) % 20 == 19) {
                    LOG.info("Neighbour lists: {} of {} songs", from + batch, songs.size());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while computing neighbour lists", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("computing neighbour lists failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        writer.writeTo(dir, Instant.now(), embeddings);
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info("Neighbour store: {} songs, {} neighbours in {} channels, {} ms", songs.size(), neighbours, channels.size(), millis);
        return new Result(songs.size(), channels.stream().map(ItemChannel::name).toList(), neighbours, timeouts.get(),
                NeighbourStore.bytes(dir), millis);
    }

    private static Map<String, List<Neighbour>> lists(List<ItemChannel> channels, String id, String name, AtomicLong timeouts) {
        Map<String, List<Neighbour>> out = new LinkedHashMap<>();
        for (ItemChannel c : channels) {
            try {
                out.put(c.name(), c.neighbours(id, name, PER_SONG, BUDGET));
            } catch (RecallTimeoutException e) {
                timeouts.incrementAndGet(); // no list: answered live
            }
        }
        return out;
    }
}
