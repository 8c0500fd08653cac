package io.melograph.recall;

import io.melograph.graph.CypherFile;
import io.melograph.graph.GraphConnection;
import io.melograph.neighbours.Neighbour;
import io.melograph.neighbours.NeighbourStore;
import io.melograph.util.Periodic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the neighbour store's lists that move with listening current between builds: the aggregation says which
 * songs' co-listening moved and whose histories changed, and every few seconds the co-listened lists of those songs,
 * and less often (each costs tens of milliseconds of the graph, and a friend's taste moves slowly) the friends'
 * favourites of those listeners and of their followers, are asked of the graph again (the channels themselves) and
 * written, with those of earlier updates, to {@code MELOGRAPH_HOME/neighbours-updates}, which the watch lays over the
 * store. A full build (after imports, or {@code melograph neighbours build}) makes them
 * unnecessary: updates older than the store it reads are left aside.
 */
public final class NeighbourUpdates implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NeighbourUpdates.class);
    static final String CO_LISTENED = "kg-co-listened";
    static final String FRIENDS = "kg-friends";
    private static final Duration BUDGET = Duration.ofSeconds(5);
    private final GraphConnection graph;
    private final RecallService recall;
    private final Path dir;
    private final Runnable written;
    private final Set<String> songs = ConcurrentHashMap.newKeySet();
    private final Set<String> listeners = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;
    /** Least time between two passes over the friends' favourites; when the last one ran. */
    private final long friendsEveryMillis;
    private long friendsAt = Long.MIN_VALUE / 2;

    private NeighbourUpdates(GraphConnection graph, RecallService recall, Path dir, Runnable written, Duration every, Duration friendsEvery) {
        this.graph = graph;
        this.friendsEveryMillis = friendsEvery.toMillis();
        this.recall = recall;
        this.dir = dir;
        this.written = written;
        this.timer = every == null ? null : Periodic.every(every, "neighbour-updates", LOG, this::run);
    }

    /**
     * Updates written every {@code every} (null: only when {@link #run} is called) to {@code dir}, beside the store's
     * folder ({@link #beside}); the friends' favourites at most every {@code friendsEvery}; {@code written} is told
     * after each write (the watch then lays them over the store).
     */
    public static NeighbourUpdates start(GraphConnection graph, RecallService recall, Path dir, Runnable written, Duration every,
                                         Duration friendsEvery) {
        return new NeighbourUpdates(graph, recall, dir, written, every, friendsEvery);
    }

    /** Where updates for the store in {@code storeDir} are kept. */
    public static Path beside(Path storeDir) {
        return storeDir.resolveSibling(storeDir.getFileName() + "-updates");
    }

    /** Songs whose co-listening moved: their co-listened lists are computed again at the next run. */
    public void coListened(Set<String> moved) {
        songs.addAll(moved);
    }

    /** Listeners whose history moved: their and their followers' friends' favourites are computed again. */
    public void listened(Set<String> moved) {
        listeners.addAll(moved);
    }

    /**
     * Computes the pending lists and writes them with the earlier updates; returns how many lists it computed (0 with
     * no store in use: a build will read the graph as it is).
     */
    public synchronized int run() {
        Optional<NeighbourStore> inUse = recall.neighbours();
        long now = System.currentTimeMillis();
        boolean friendsDue = now - friendsAt >= friendsEveryMillis && !listeners.isEmpty();
        if (inUse.isEmpty() || songs.isEmpty() && !friendsDue) {
            return 0;
        }
        NeighbourStore store = inUse.get();
        List<String> channels = List.of(CO_LISTENED, FRIENDS).stream().filter(store.channels()::contains).toList();
        Set<String> songsNow = drain(songs);
        Set<String> listenersNow = friendsDue ? drain(listeners) : Set.of();
        if (friendsDue) {
            friendsAt = now;
        }
        long started = System.nanoTime();
        Instant readFrom = Instant.now();
        Map<String, Map<String, List<Neighbour>>> lists = new LinkedHashMap<>(); // per seed, per channel
        Map<String, String> types = new LinkedHashMap<>();
        if (channels.contains(CO_LISTENED)) {
            ItemChannel channel = (ItemChannel) recall.channels().get(CO_LISTENED);
            for (String song : songsNow) {
                Optional<String> name = store.name(song);
                if (name.isEmpty()) {
                    songs.add(song); // added since the build: the graph answers for it until a store knows it
                    continue;
                }
                try {
                    lists.computeIfAbsent(song, k -> new LinkedHashMap<>())
                            .put(CO_LISTENED, channel.neighbours(song, name.get(), NeighbourBuild.PER_SONG, BUDGET));
                    types.put(song, "song");
                } catch (RecallTimeoutException e) {
                    songs.add(song); // again next time
                }
            }
        }
        if (channels.contains(FRIENDS) && !listenersNow.isEmpty()) {
            ItemChannel channel = (ItemChannel) recall.channels().get(FRIENDS);
            for (String user : followers(listenersNow)) {
                AtomicLong late = new AtomicLong();
                Map<String, List<Neighbour>> own = NeighbourBuild.listenerLists(List.of(channel), user, late);
                if (late.get() > 0) {
                    listeners.add(user); // again next time (their followers too: harmless)
                    continue;
                }
                lists.computeIfAbsent(user, k -> new LinkedHashMap<>()).putAll(own);
                types.put(user, "user");
            }
        }
        int computed = lists.values().stream().mapToInt(Map::size).sum();
        NeighbourStore earlier = store.updates().orElse(null);
        Set<String> computedNow = new HashSet<>(lists.keySet());
        Map<String, Instant> computedAt = new LinkedHashMap<>(); // of the lists carried forward
        if (earlier != null) { // what earlier updates hold, newer than the store, and this one did not compute again
            for (String channel : channels) {
                for (String seed : earlier.songsIn(channel)) {
                    long at = earlier.computedAt(seed);
                    if (at <= store.builtAt().toEpochMilli() || computedNow.contains(seed)) {
                        continue;
                    }
                    lists.computeIfAbsent(seed, k -> new LinkedHashMap<>()).put(channel, earlier.neighbours(channel, seed).orElseThrow());
                    types.putIfAbsent(seed, earlier.type(seed).orElse("song"));
                    computedAt.put(seed, Instant.ofEpochMilli(at));
                }
            }
        }
        try (NeighbourStore.Writer w = new NeighbourStore.Writer(dir, channels)) {
            for (Map.Entry<String, Map<String, List<Neighbour>>> e : lists.entrySet()) {
                String seed = e.getKey();
                String name = store.name(seed).orElseGet(() -> e.getValue().values().stream().flatMap(List::stream).findFirst()
                        .map(n -> n.names().get(0)).orElse(null));
                w.add(seed, name, types.get(seed), e.getValue(), computedAt.getOrDefault(seed, readFrom));
            }
            w.commit(readFrom, store.embeddingsVersion().orElse(null));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Writing neighbour updates to {} failed ({}); they are computed again next time", dir, e.toString());
            songs.addAll(songsNow);
            listeners.addAll(listenersNow);
            return 0;
        }
        written.run();
        LOG.info("Neighbour updates: {} lists computed in {} ms ({} songs and listeners updated since the build)", computed,
                (System.nanoTime() - started) / 1_000_000, lists.size());
        return computed;
    }

    /** The listeners whose friends' favourites move with these listeners' histories. */
    private List<String> followers(Set<String> users) {
        return graph.read(tx -> tx.run(CypherFile.load("neighbours/followers.cypher").statement(),
                Map.of("users", new ArrayList<>(users))).list(r -> r.get("id").asString()));
    }

    private static Set<String> drain(Set<String> pending) {
        Set<String> now = new HashSet<>(pending);
        pending.removeAll(now);
        return now;
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
