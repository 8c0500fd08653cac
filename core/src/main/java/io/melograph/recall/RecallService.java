package io.melograph.recall;

import io.melograph.graph.CypherFile;
import io.melograph.graph.GraphConnection;
import io.melograph.neighbours.NeighbourStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.neo4j.driver.Record;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Recall as the API's debugging surfaces use it: a listener's candidates per channel, and the similar songs of a
 * song or similar artists of an artist (channels merged, reasons kept). Channels run in parallel within the budget.
 */
public final class RecallService implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RecallService.class);
    /** Channels that make no sense for similar songs (the listener's friends or watch history; not songs; the listener's interests). */
    private static final Set<String> NOT_FOR_ONE_SONG = Set.of("kg-friends", "kg-videos", "kg-watched-songs",
            "pl-with-your-songs", "pl-similar-listeners", "pl-your-genres");

    /** A request's answer: the subject, every channel's status and timing, and the candidates. */
    public record Answer(String id, String name, RecallRunner.Result result, ListenerContext context) {
        /** The channels' candidates merged with equal weights: what {@code /songs/{id}/similar} answers. */
        public List<Fusion.Fused> merged(int limit) {
            return Fusion.fuse(result.candidates(), Fusion.Policy.EQUAL, limit);
        }
    }

    private final GraphConnection graph;
    private final ListenerProfiles profiles;
    private final Map<String, RecallChannel> channels = new LinkedHashMap<>();
    private final List<RecallChannel> artistChannels = new ArrayList<>();
    private final RecallRunner runner;
    private final MeterRegistry meters;
    private final Duration budget;
    private final String namesCypher = CypherFile.load("recall/item-names.cypher").statement();
    private volatile boolean warmedUp;
    private volatile Thread warmer;
    /** Warm-up rounds run so far (tests: the pace of rounds once warmed up). */
    private final AtomicInteger warmUpRounds = new AtomicInteger();
    private volatile NeighbourStore neighbours;
    private volatile boolean storedVectorsFresh = true;
    private final String warmUpCypher = CypherFile.load("recall/warm-up-subjects.cypher").statement();

    /** @param meters where channels' latency and outcomes are counted (the service's metrics; any registry elsewhere) */
    public RecallService(GraphConnection graph, ListenerProfiles profiles, Duration budget, MeterRegistry meters) {
        this.graph = graph;
        this.meters = meters;
        this.runner = new RecallRunner(Math.max(4, Runtime.getRuntime().availableProcessors() * 2), meters);
        this.profiles = profiles;
        this.budget = budget;
        channels.putAll(Channels.graphChannels(graph));
        add(new VectorRecall(graph));
        channels.putAll(Channels.playlistChannels(graph));
        artistChannels.add(Channels.similarArtists(graph));
        artistChannels.add(new SimilarArtists(graph));
    }

    /**
     * Warms recall up in the background before listeners come. First every channel runs once on an id that matches
     * nothing: the first run of a query pays for planning it (seconds for the bigger ones). Then rounds of real
     * requests (a few listeners with history, a few songs' similar songs, with the normal budgets) run until
     * {@value #CLEAN_ROUNDS} rounds in a row had no channel out of time: that is what the JIT needs before the
     * budgets hold. Past {@link #WARM_UP_LIMIT} the rounds slow down to one every {@link #CHECK_EVERY}. Once recall has
     * been warm, whenever it is not {@link #warm()} (too many answers out of time lately), rounds run again at that pace: a
     * service that /health calls not ready gets no traffic from a load balancer, so it must find its way back alone.
     */
    public void warmUp() {
        Thread t = new Thread(() -> {
            plan();
            long deadline = System.nanoTime() + WARM_UP_LIMIT.toNanos();
            int clean = 0;
            int rounds = 0;
            boolean wasWarm = false;
            while (!Thread.currentThread().isInterrupted()) {
                if (warmedUp && warm()) {
                    wasWarm = true;
                    pause();
                    continue;
                }
                boolean timedOut = round();
                rounds++;
                clean = timedOut ? 0 : clean + 1;
                if (!warmedUp && clean >= CLEAN_ROUNDS) {
                    warmedUp = true;
                    LOG.info("Recall warmed up: {} rounds of real requests, the last {} with every channel inside its budget", rounds, clean);
                } else if (wasWarm) {
                    pause(); // finding its way back: a round every CHECK_EVERY, not round after round beside the listeners
                } else if (System.nanoTime() > deadline) {
                    if (!warmedUp) { // the verdict is left to the share of answers out of time
                        warmedUp = true;
                        LOG.warn("Recall still has channels out of time after {} warm-up rounds ({} of the latest answers timed out); "
                                + "/health says ready once they keep within their budgets", rounds,
                                Math.round(100 * runner.timeouts().share()) + "%");
                    }
                    pause();
                }
            }
        }, "recall-warm-up");
        t.setDaemon(true);
        warmer = t;
        t.start();
    }

    private static void pause() {
        try {
            Thread.sleep(CHECK_EVERY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static final int CLEAN_ROUNDS = 3;
    static final Duration CHECK_EVERY = Duration.ofSeconds(5);
    static final Duration WARM_UP_LIMIT = Duration.ofMinutes(3);
    /** Above this share of timed-out channel answers (of the latest 500) recall is not called warm. */
    static final double WARM_TIMEOUT_SHARE = 0.1;

    /** One round of real requests; whether any channel ran out of time. With nobody to ask, nothing timed out. */
    private boolean round() {
        warmUpRounds.incrementAndGet();
        boolean timedOut = false;
        try {
            for (Record r : graph.read(tx -> tx.run(warmUpCypher, Map.of("limit", 5)).list())) {
                String id = r.get("id").asString();
                Optional<Answer> a = r.get("kind").asString().equals("listener") ? forUser(id, List.of(), 20) : similarSongs(id, 20);
                timedOut |= a.map(x -> x.result().status().containsValue("timeout")).orElse(false);
            }
        } catch (RuntimeException e) {
            LOG.debug("warm-up round failed: {}", e.toString());
            return true;
        }
        return timedOut;
    }

    /** Runs every channel once on an id that matches nothing: each query planned. */
    private void plan() {
        ListenerContext nothing = new ListenerContext("warm-up", List.of(new ListenerContext.Seed("warm-up", "", 1, 0)),
                List.of(new ListenerContext.Seed("warm-up", "", 1, 0)), List.of(), List.of(new ListenerContext.Seed("warm-up", "", 1, 0)));
        List<RecallChannel> all = new ArrayList<>(channels.values());
        all.addAll(artistChannels);
        for (RecallChannel c : all) {
            try {
                c.recall(nothing, 1, Duration.ofSeconds(30));
            } catch (RuntimeException e) {
                LOG.warn("warming up {} failed: {}", c.name(), e.toString());
            }
        }
        item("warm-up", "Song");
        LOG.info("Recall channels' queries planned ({})", all.size());
    }

    /**
     * Whether recall keeps its budgets: warmed up, and at most {@value #WARM_TIMEOUT_SHARE} of the latest channel
     * answers out of time (until then scenes may fall back to popular songs).
     */
    public boolean warm() {
        return warmedUp && recentTimeoutShare() <= WARM_TIMEOUT_SHARE;
    }

    int warmUpRounds() {
        return warmUpRounds.get();
    }

    /** Share of the latest channel answers (requests, background work, warm-up) that ran out of time. */
    public double recentTimeoutShare() {
        return runner.timeouts().share();
    }

    /** Adds a channel (later the interest models). */
    public RecallService add(RecallChannel channel) {
        channels.put(channel.name(), channel);
        return this;
    }

    /** Adds an artist-to-artist channel. */
    public RecallService addArtistChannel(RecallChannel channel) {
        artistChannels.add(channel);
        return this;
    }

    public Map<String, RecallChannel> channels() {
        return channels;
    }

    /** What recall knows about listeners (history and live session), read once per request. */
    public ListenerProfiles profiles() {
        return profiles;
    }

    /** The named channels (unknown names are skipped) on a context the caller built, each within its budget. */
    public RecallRunner.Result run(List<String> names, ListenerContext context, int limit, java.util.function.Function<String, Duration> budgets) {
        NeighbourStore store = neighbours;
        List<RecallChannel> chosen = names.stream().map(channels::get).filter(java.util.Objects::nonNull).map(c -> fromStore(c, store)).toList();
        return runner.run(chosen, context, limit, budgets);
    }

    public Duration budget() {
        return budget;
    }

    /** The registry recall counts in; scenes count their fallbacks there too. */
    public MeterRegistry meters() {
        return meters;
    }

    /** The listener's candidates from the named channels (all when empty); empty when the listener is unknown. */
    public Optional<Answer> forUser(String userId, List<String> names, int limit) {
        List<String> chosen = names.isEmpty() ? List.copyOf(channels.keySet()) : names;
        return profiles.of(userId).map(ListenerProfile::context).map(ctx -> new Answer(userId, null, run(chosen, ctx, limit, n -> budget), ctx));
    }

    /**
     * Songs like one song: every channel that makes sense for one song. Channels whose lists the neighbour store holds
     * for this song answer from memory (status {@code stored}); the others ask the graph within their budget.
     */
    public Optional<Answer> similarSongs(String songId, int limit) {
        NeighbourStore store = neighbours;
        Optional<String> storedName = store == null ? Optional.empty() : store.name(songId);
        return storedName.or(() -> item(songId, "Song")).map(name -> {
            ListenerContext ctx = ListenerContext.ofSong(songId, name);
            // a song added since the build: the graph answers
            NeighbourStore holding = storedName.isPresent() ? store : null;
            List<RecallChannel> chosen = channels.values().stream().filter(c -> forOneSong(c.name())).map(c -> fromStore(c, holding)).toList();
            return new Answer(songId, name, runner.run(chosen, ctx, limit, budget), ctx);
        });
    }

    /** A channel's status when its answer came from the neighbour store. */
    public static final String STORED = "stored";

    /** Whether a channel with this status answered in time (from the graph or the store). */
    public static boolean answered(String status) {
        return "ok".equals(status) || STORED.equals(status);
    }

    /**
     * The channel answering a listener from the store's lists ({@link StoredChannel}) when the store holds this
     * channel (and, for the vector channel, lists of the embeddings on the nodes); else the channel itself.
     */
    private RecallChannel fromStore(RecallChannel c, NeighbourStore store) {
        boolean usable = store != null && c instanceof ItemChannel && store.channels().contains(c.name())
                && (storedVectorsFresh || !c.name().equals(VectorRecall.NAME));
        return usable ? new StoredChannel((ItemChannel) c, store) : c;
    }

    /** Whether the channel makes sense for the songs like one song (not the listener's friends, watch history, playlists). */
    static boolean forOneSong(String channel) {
        return !NOT_FOR_ONE_SONG.contains(channel) && !InterestChannel.isInterest(channel);
    }

    /**
     * Whether a channel's answer for a listener is the sum of its answers for each seed alone, so the neighbour store
     * can hold it: the song channels (with their lists per artist where they start from artists too), the videos and
     * MLOGs of songs and the playlists holding them (not similar songs, but per song all the same; the listener's own
     * playlists are left out with the rest of what the profile excludes), the songs of watched videos (lists per video)
     * and friends' favourites (a list per listener). Not the other two playlist-scene channels (one ranks each song's
     * listeners leaving the listener out, one picks genres across all seeds).
     */
    static boolean storable(String channel) {
        return forOneSong(channel) || Set.of("kg-videos", "kg-watched-songs", "kg-friends", "pl-with-your-songs").contains(channel);
    }

    /** Answers from these materialized neighbour lists from now on (null: from the graph only). */
    public void useNeighbours(NeighbourStore store) {
        this.neighbours = store;
    }

    /** Whether the store's vector lists come from the promoted graph embeddings (else the index answers). */
    public boolean storedVectorsFresh() {
        return storedVectorsFresh;
    }

    public void storedVectorsFresh(boolean fresh) {
        this.storedVectorsFresh = fresh;
    }

    public Optional<NeighbourStore> neighbours() {
        return Optional.ofNullable(neighbours);
    }

    public Optional<Answer> similarArtists(String artistId, int limit) {
        return item(artistId, "Artist").map(name -> {
            ListenerContext ctx = ListenerContext.ofArtist(artistId, name);
            return new Answer(artistId, name, runner.run(artistChannels, ctx, limit, budget), ctx);
        });
    }

    /** The item's name when a node with this id and label exists. */
    private Optional<String> item(String id, String label) {
        for (Record r : graph.read(tx -> tx.run(namesCypher, Map.of("ids", List.of(id))).list())) {
            if (r.get("label").asString().equals(label)) {
                return Optional.of(r.get("name").asString());
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        Thread t = warmer;
        if (t != null) {
            t.interrupt();
        }
        profiles.close();
        runner.close();
    }
}
