package io.melograph.recall;

import io.melograph.graph.CypherFile;
import io.melograph.graph.GraphConnection;
import io.melograph.neighbours.CatalogChannels;
import io.melograph.neighbours.CatalogGraph;
import io.melograph.neighbours.Neighbour;
import io.melograph.neighbours.NeighbourStore;
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
 * from their seed songs alone, and the vector channel) — and every artist's in the channels that start from artists
 * too, every video's and MLOG's songs, and each following listener's friends' favourites — and writes them as a
 * {@link NeighbourStore}. The graph channels
 * are computed from the catalog read into memory once ({@link CatalogGraph}, {@link CatalogChannels}: the same walks,
 * scores, paths and sentences as their queries, which the parity test holds them to); the vector channel, and any
 * channel without such a computation, is asked for each song alone. Songs are processed in parallel; a song whose
 * query runs out of time keeps no list in that channel (the service asks the graph for it then).
 */
public final class NeighbourBuild {
    private static final Logger LOG = LoggerFactory.getLogger(NeighbourBuild.class);
    /** Neighbours kept per song and channel by default: above the similar-songs limit and a listener's per-channel cut. */
    public static final int PER_SONG = 100;
    private static final Duration BUDGET = Duration.ofSeconds(30);

    /**
     * What a build did: neighbours stored as lists, and vias over hubs' songs for the hub channels (whose neighbours
     * are read through them); {@code loadMillis} of it went to reading the catalog into memory.
     */
    public record Result(int songs, List<String> channels, long neighbours, long vias, long timeouts, long bytes, long millis,
                         long loadMillis) {}

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

    public static Result run(GraphConnection graph, RecallService recall, Path dir, int threads, String embeddings) throws IOException {
        return run(graph, recall, dir, threads, embeddings, PER_SONG, List.of());
    }

    /**
     * @param embeddings the promoted graph-embeddings version (the vector channel's lists come from it), or null
     * @param perSong    neighbours kept per song and channel
     * @param only       the channels to store (empty: every storable one); the others answer from the graph
     */
    public static Result run(GraphConnection graph, RecallService recall, Path dir, int threads, String embeddings, int perSong,
                             List<String> only) throws IOException {
        long started = System.nanoTime();
        Instant readFrom = Instant.now(); // the store describes the graph as of here: updates computed later are newer
        List<ItemChannel> channels = storable(recall).stream().filter(c -> only.isEmpty() || only.contains(c.name())).toList();
        for (String name : only) {
            if (channels.stream().noneMatch(c -> c.name().equals(name))) {
                throw new IllegalArgumentException("no storable channel " + name + "; storable: "
                        + storable(recall).stream().map(ItemChannel::name).toList());
            }
        }
        CatalogGraph catalog = CatalogGraph.load(graph);
        long loadMillis = (System.nanoTime() - started) / 1_000_000;
        LOG.info("Catalog read into memory for the neighbour build: {} nodes in {} ms", catalog.nodes(), loadMillis);
        CatalogChannels computed = new CatalogChannels(catalog);
        int[] seeds = computed.seeds(); // songs; artists and videos for the channels that start from them too
        int songs = catalog.songs().length;
        AtomicLong timeouts = new AtomicLong();
        long neighbours = 0;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        long vias = 0;
        try (NeighbourStore.Writer writer = new NeighbourStore.Writer(dir, channels.stream().map(ItemChannel::name).toList(), computed, perSong)) {
            int batch = 1024;
            for (int from = 0; from < seeds.length; from += batch) {
                List<Future<Map<String, List<Neighbour>>>> futures = new ArrayList<>();
                for (int i = from; i < Math.min(seeds.length, from + batch); i++) {
                    int seed = seeds[i];
                    futures.add(pool.submit(() -> lists(channels, computed, catalog, seed, perSong, timeouts)));
                }
                for (int i = 0; i < futures.size(); i++) {
                    int seed = seeds[from + i];
                    Map<String, List<Neighbour>> lists = futures.get(i).get();
                    vias += writer.add(seed, lists);
                    neighbours += lists.values().stream().mapToLong(List::size).sum();
                }
                if ((from / batch) % 50 == 49) {
                    LOG.info("Neighbour lists: {} of {} songs, artists and videos", from + batch, seeds.length);
                }
            }
            neighbours += listeners(graph, channels, pool, writer, timeouts);
            writer.commit(readFrom, embeddings);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while computing neighbour lists", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("computing neighbour lists failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info("Neighbour store: {} songs, {} neighbours and {} vias over hubs in {} channels, {} ms", songs, neighbours, vias,
                channels.size(), millis);
        return new Result(songs, channels.stream().map(ItemChannel::name).toList(), neighbours, vias, timeouts.get(),
                NeighbourStore.bytes(dir), millis, loadMillis);
    }

    /** Most friends' favourites kept per listener: all of them (50 friends, 20 songs each), so that none is missing once the heard ones are left out. */
    static final int PER_LISTENER = 1000;

    /** Each following listener's list in the channels that start from the listener (friends' favourites); how many neighbours. */
    private static long listeners(GraphConnection graph, List<ItemChannel> channels, ExecutorService pool, NeighbourStore.Writer writer,
                                  AtomicLong timeouts) throws IOException, InterruptedException, java.util.concurrent.ExecutionException {
        List<ItemChannel> own = channels.stream().filter(ItemChannel::startsFromListener).toList();
        if (own.isEmpty()) {
            return 0;
        }
        List<String> users = graph.read(tx -> tx.run(CypherFile.load("neighbours/listeners-following.cypher").statement())
                .list(r -> r.get("id").asString()));
        long neighbours = 0;
        List<Future<Map<String, List<Neighbour>>>> futures = new ArrayList<>();
        for (String user : users) {
            futures.add(pool.submit(() -> listenerLists(own, user, timeouts)));
        }
        for (int i = 0; i < users.size(); i++) {
            Map<String, List<Neighbour>> lists = futures.get(i).get();
            String name = lists.values().stream().flatMap(List::stream).findFirst().map(n -> n.names().get(0)).orElse(null);
            writer.add(users.get(i), name, "user", lists);
            neighbours += lists.values().stream().mapToLong(List::size).sum();
        }
        return neighbours;
    }

    /** The listener's lists in these channels (friends' favourites), with nothing left out; a channel out of time is left out. */
    static Map<String, List<Neighbour>> listenerLists(List<ItemChannel> channels, String user, AtomicLong timeouts) {
        Map<String, List<Neighbour>> out = new LinkedHashMap<>();
        for (ItemChannel c : channels) {
            try {
                out.put(c.name(), c.neighbours(new ListenerContext(user, List.of(), List.of(), List.of()), PER_LISTENER, BUDGET));
            } catch (RecallTimeoutException e) {
                timeouts.incrementAndGet();
            }
        }
        return out;
    }

    /** The seed's lists in each channel that starts from it; a channel out of time is left out (the graph answers). */
    private static Map<String, List<Neighbour>> lists(List<ItemChannel> channels, CatalogChannels computed, CatalogGraph catalog,
                                                      int seed, int perSong, AtomicLong timeouts) {
        Map<String, List<Neighbour>> out = new LinkedHashMap<>();
        for (ItemChannel c : channels) {
            if (CatalogChannels.HUBS.contains(c.name())) {
                continue; // the writer reads their vias from the catalog
            }
            if (CatalogChannels.NAMES.contains(c.name())) {
                if (computed.startsFrom(c.name(), seed)) {
                    out.put(c.name(), computed.neighbours(c.name(), seed, perSong));
                }
            } else if (!c.startsFromListener() && catalog.type(seed).equals("song")) {
                try {
                    out.put(c.name(), c.neighbours(catalog.id(seed), catalog.name(seed), perSong, BUDGET));
                } catch (RecallTimeoutException e) {
                    timeouts.incrementAndGet(); // no list: answered live
                }
            }
        }
        return out;
    }
}
