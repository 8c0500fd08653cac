package io.melograph.sim;

import io.melograph.events.Event;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A seeded, deterministic simulator of listeners over a song catalog; it emits {@link Event}s labelled by "sim:" user
 * and entity ids. The model, one mechanism per class:
 * <ul>
 *   <li>{@link PopularityPrior}: Zipf prior over songs with the exponent fitted on HetRec Last.fm plays;
 *       {@link Catalog}: how songs get their prior rank and how sparse metadata is filled from the artist;</li>
 *   <li>{@link Taste}: latent tastes (favourite artists, genres, tags, language), the match of a song, weekly drift;</li>
 *   <li>{@link Rhythm}: sessions per day (weekends more) and their start hours (evenings most);</li>
 *   <li>{@link World}: listeners, friends (with homophily), playlists, videos, MLOGs;</li>
 *   <li>{@link SimRun}: sessions of scenes (daily, fm, playlist, search, video, mlog), exposure channels (heavy
 *       rotation, friends' likes, new releases, popular, taste), the behaviour chain of each scene;</li>
 *   <li>{@link Behaviour}: click, skip (and where), complete, like, save, share, dislike, unlike probabilities.</li>
 * </ul>
 * <b>Determinism.</b> The catalog is sorted by id; the world comes from one {@link SplittableRandom} seeded with the
 * config's seed, split in a fixed order; each listener's behaviour has its own split stream; no hash order and no
 * clock is used. The same catalog (in any order), config and seed give the same events, event ids
 * ({@code sim-<seed>-<n>}, {@code n} counting from 1 in emission order) included. A live {@link RecommendationSource}
 * is called in a fixed order too, so a deterministic source keeps the run deterministic.
 * <p>
 * <b>Order.</b> Events reach the sink in non-decreasing {@code ts}; ties in listener order, then in the order the
 * listener did them. The simulation advances an hour at a time: an hour's events are delivered when every listener's
 * sessions starting in it have been played out (a session running past the hour delivers the rest later), so a
 * live recommender sees everything up to the previous hour. Sessions of one listener are more than 30 minutes apart
 * and the gaps inside a session are shorter (unless a song itself lasts longer than 30 minutes), so a 30-minute
 * sessionizer finds the simulated sessions.
 */
public final class ListenerSimulator {
    private final SimConfig config;
    private final PopularityPrior prior;
    private final World world;
    private volatile RecommendationSource recommendations;

    /**
     * Builds the catalog index and the synthetic world (listeners, tastes, friends, playlists, videos, MLOGs).
     *
     * @throws IllegalArgumentException when the catalog is empty or repeats an id
     */
    public ListenerSimulator(List<SimSong> catalog, SimConfig config, PopularityPrior prior) {
        this.config = Objects.requireNonNull(config, "config");
        this.prior = Objects.requireNonNull(prior, "prior");
        SplittableRandom master = new SplittableRandom(config.seed());
        Catalog c = new Catalog(Objects.requireNonNull(catalog, "catalog"), prior, master.split());
        this.world = new World(c, config, master.split());
    }

    /** Runs the whole simulation; events reach the sink in non-decreasing ts order (ties in a fixed order). */
    public SimResult run(Consumer<Event> sink) {
        Objects.requireNonNull(sink, "sink");
        SimSummary summary = new SimRun(world, recommendations, sink).run(prior);
        return new SimResult(users(), playlists(), videos(), mlogs(), summary);
    }

    /**
     * Live mode: when set, every listener's "daily" list and "fm" tracks come from this source instead of the internal
     * exposure model (search, playlists, videos and MLOGs stay the listener's own doing). {@code null} switches back.
     * Takes effect at the next {@link #run}.
     */
    public void setRecommendations(RecommendationSource source) {
        this.recommendations = source;
    }

    /** The simulated listeners with their starting tastes (known before a run, for wiring them up first). */
    public List<SimUser> users() {
        return world.simUsers();
    }

    /** The ids of the demo's world of {@code users} listeners, without building it (for load generators). */
    public static List<String> userIds(int users) {
        return userIds("", users);
    }

    /** The ids of a named run's listeners ({@code sim:RUN:user:...}; the demo's run has no name). */
    public static List<String> userIds(String run, int users) {
        return java.util.stream.IntStream.range(0, users).mapToObj(u -> World.userId(SimConfig.idPrefix(run), u, users)).toList();
    }

    public List<SimPlaylist> playlists() {
        return world.simPlaylists();
    }

    public List<SimVideo> videos() {
        return world.simVideos();
    }

    public List<SimMlog> mlogs() {
        return world.simMlogs();
    }

    public SimConfig config() {
        return config;
    }

    /**
     * A live-radio listener with the starting taste and traits of {@code userId}, reacting with its own random stream
     * seeded by {@code seed} (for experiments against a running service: the listener of protocol 4).
     *
     * @throws IllegalArgumentException for an unknown user id
     */
    public RadioListener radioListener(String userId, long seed) {
        return new RadioListener(world, userIndex(userId), seed);
    }

    /**
     * How well a song suits a listener's starting taste, in [0, 1] (the simulator's ground truth, for evaluations that
     * need a listener with a known taste).
     *
     * @throws IllegalArgumentException for an unknown user or song id
     */
    public double match(String userId, String songId) {
        Integer s = world.catalog.indexById.get(songId);
        if (s == null) {
            throw new IllegalArgumentException("unknown song " + songId);
        }
        return world.tastes[userIndex(userId)].match(world.catalog, s);
    }

    private int userIndex(String userId) {
        for (int u = 0; u < world.users; u++) {
            if (world.userIds[u].equals(userId)) {
                return u;
            }
        }
        throw new IllegalArgumentException("unknown user " + userId);
    }
}
