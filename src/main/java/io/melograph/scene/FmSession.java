package io.melograph.scene;

import io.melograph.events.Action;
import io.melograph.recall.Fusion;
import io.melograph.recall.ListenerContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One listener's Private FM session: what was played (no repeats), and how their feedback bends the next choice.
 * <ul>
 * <li>A taste of the session, learned online: a Bayesian logistic model (diagonal Laplace approximation) over the
 * song's artists and genres/tags, fitted to this session's completes and likes (1) against its skips and dislikes
 * (0). Each weight starts at 0 with a prior variance, larger for artists (one song says much about its artist) than
 * for genres and tags (shared by many songs, some liked and some not), and each observation moves it by
 * {@code (label - p) / precision}, so the first songs of an artist move it most. A candidate is weighed by
 * {@code score^}{@value #RANKER_SHARE}{@code  * exp(sum of its features' weights)}: the ranker's order, flattened so
 * that what the session learned can overturn it.</li>
 * <li>Hard rules on top, for a burst of skips, which the answer reports as "avoiding": two skips of an artist none of
 * whose songs was completed in this session (or one dislike) drop the artist for the session; three skips in a row
 * touching a genre that nothing completed in this session drop the genre. A complete protects its artist and genres:
 * a favourite is skipped now and then, and dropping it cost more than it saved.</li>
 * <li>A like or a complete makes the song a seed to explore around (a like counts more).</li>
 * </ul>
 * The settings were chosen on an offline replay of the adaptation experiment's listeners over their session pools
 * (docs/eval/fm-adaptation.md). Not thread-safe: the scene locks it.
 */
final class FmSession {
    static final int ARTIST_SKIPS_TO_DROP = 2;
    static final int GENRE_SKIPS_TO_DROP = 3;
    /** Prior variance of an artist's weight, and of a genre's or tag's. */
    static final double ARTIST_VARIANCE = 0.5;
    static final double GENRE_VARIANCE = 0.1;
    /** The power of the ranker's score in a candidate's weight: below 1 flattens the ranker's order. */
    static final double RANKER_SHARE = 0.3;
    /** Step of the session's base rate (its overall skip rate, so features learn what sets a song apart from it). */
    static final double BIAS_STEP = 0.3;
    /** The model's say on a candidate is bounded (e^±4). */
    static final double MAX_LOGIT = 4.0;
    /** Exploration boost of a candidate found around a liked song, and around a completed one. */
    static final double LIKED_BOOST = 2.0;
    static final double COMPLETED_BOOST = 1.3;
    /** Newest positive songs an exploration starts from. */
    static final int EXPLORE_SEEDS = 5;

    final String userId;
    final long startedAt;
    /** How many of the listener's events the session has read (their live state counts them). */
    long eventsSeen;
    long lastActive;
    /** Whether the session follows feedback (a request in the other mode starts a new session). */
    boolean adaptive = true;
    int position;
    final Set<String> served = new LinkedHashSet<>();
    final Set<String> disliked = new HashSet<>();
    /** The session's taste model: mean and precision of a weight per artist ("a:" id) and genre or tag ("g:" name). */
    final Map<String, double[]> weights = new HashMap<>();
    double bias;
    final Map<String, Integer> artistSkips = new HashMap<>();
    final Map<String, Integer> genreSkips = new HashMap<>();
    final Set<String> genresCompleted = new HashSet<>();
    final Set<String> artistsCompleted = new HashSet<>();
    final Set<String> droppedArtists = new LinkedHashSet<>();
    final Set<String> droppedGenres = new LinkedHashSet<>();
    final Map<String, String> artistNames = new HashMap<>();
    /** Songs liked in this session, newest last (the answer says it explores around them). */
    final List<ListenerContext.Seed> liked = new ArrayList<>();
    /** Liked and completed songs, newest last, with their exploration boost: seeds of the next exploration. */
    final LinkedHashMap<String, ListenerContext.Seed> positives = new LinkedHashMap<>();
    /** Whether a positive came since the last exploration started. */
    boolean toExplore;
    /** The position at the last exploration; completes start one at most every {@value #EXPLORE_SPACING} songs. */
    int exploredAt = -EXPLORE_SPACING;
    static final int EXPLORE_SPACING = 3;
    /** Candidates by id; refills and explorations add to it. */
    final Map<String, Fusion.Fused> pool = new LinkedHashMap<>();
    Map<String, String> channels = Map.of();
    boolean fallback;
    /** A background refill or exploration of this session is running (one at a time). */
    boolean busy;
    /** The position at the last refill: refills ahead of need are spaced out. */
    int refilledAt;
    /**
     * Songs between two refills ahead of need: {@value #REFILL_SPACING}, doubled (up to {@value #MAX_REFILL_SPACING})
     * while refills bring few new songs (a listener who heard most of what recall finds should not refill every song).
     */
    int refillSpacing = REFILL_SPACING;
    static final int REFILL_SPACING = 20;
    static final int MAX_REFILL_SPACING = 320;
    /**
     * The last pool came from the popularity fallback or from fewer than half of the channels (the others timed out
     * or failed, e.g. before recall warmed up): it is recalled again in the background after every {@value #DEGRADED_SPACING}
     * song instead of being played until it runs low.
     */
    boolean degraded;
    static final int DEGRADED_SPACING = 1;
    /** The ranker's score of each candidate in the pool, renewed with each refill. */
    final Map<String, Double> scores = new HashMap<>();

    FmSession(String userId, long eventsSeen, long now) {
        this.userId = userId;
        this.eventsSeen = eventsSeen;
        this.startedAt = now;
        this.lastActive = now;
    }

    /** What background recall reads of the session, copied so that it can run without the session's lock. */
    FmSession snapshot() {
        FmSession c = new FmSession(userId, eventsSeen, startedAt);
        c.adaptive = adaptive;
        c.position = position;
        c.served.addAll(served);
        c.disliked.addAll(disliked);
        c.positives.putAll(positives);
        c.liked.addAll(liked);
        return c;
    }

    /** Applies one feedback event on a song (its artists and genres from the catalog). */
    void feedback(Action action, String songId, String songName, List<String> artists, List<String> artistNameList, List<String> genres) {
        for (int i = 0; i < artists.size() && i < artistNameList.size(); i++) {
            artistNames.put(artists.get(i), artistNameList.get(i));
        }
        switch (action) {
            case SKIP -> {
                learn(artists, genres, 0);
                for (String a : artists) {
                    if (artistSkips.merge(a, 1, Integer::sum) >= ARTIST_SKIPS_TO_DROP && !artistsCompleted.contains(a)) {
                        droppedArtists.add(a);
                    }
                }
                for (String g : genres) {
                    if (genreSkips.merge(g, 1, Integer::sum) >= GENRE_SKIPS_TO_DROP && !genresCompleted.contains(g)) {
                        droppedGenres.add(g);
                    }
                }
            }
            case DISLIKE -> {
                learn(artists, genres, 0);
                disliked.add(songId);
                droppedArtists.addAll(artists);
            }
            case COMPLETE -> {
                learn(artists, genres, 1);
                artistsCompleted.addAll(artists);
                genreSkips.clear(); // a complete ends the burst
                genresCompleted.addAll(genres);
                genres.forEach(droppedGenres::remove);
                positive(songId, songName, COMPLETED_BOOST);
            }
            case LIKE, SAVE -> {
                learn(artists, genres, 1);
                artistsCompleted.addAll(artists);
                artists.forEach(a -> {
                    droppedArtists.remove(a);
                    artistSkips.remove(a);
                });
                genresCompleted.addAll(genres);
                genres.forEach(droppedGenres::remove);
                if (liked.stream().noneMatch(l -> l.id().equals(songId))) {
                    liked.add(new ListenerContext.Seed(songId, songName, 1.0, 0));
                }
                positive(songId, songName, LIKED_BOOST);
            }
            default -> { }
        }
    }

    private void positive(String songId, String songName, double boost) {
        ListenerContext.Seed old = positives.remove(songId);
        double weight = old == null ? boost : Math.max(boost, old.weight());
        positives.put(songId, new ListenerContext.Seed(songId, songName, weight, 0));
        toExplore = true;
    }

    /**
     * One observation of this song towards {@code label} (a like or dislike comes after the complete or skip, so it
     * counts twice).
     */
    private void learn(List<String> artists, List<String> genres, double label) {
        List<double[]> w = new ArrayList<>();
        artists.forEach(a -> w.add(weights.computeIfAbsent("a:" + a, k -> new double[] {0, 1 / ARTIST_VARIANCE})));
        genres.forEach(g -> w.add(weights.computeIfAbsent("g:" + g, k -> new double[] {0, 1 / GENRE_VARIANCE})));
        double z = bias;
        for (double[] x : w) {
            z += x[0];
        }
        double p = 1 / (1 + Math.exp(-z));
        bias += BIAS_STEP * (label - p);
        for (double[] x : w) {
            x[1] += p * (1 - p);
            x[0] += (label - p) / x[1];
        }
    }

    /** The features' part of the model's logit. */
    private double logit(List<String> artists, List<String> genres) {
        double z = 0;
        for (String a : artists) {
            z += mean("a:" + a);
        }
        for (String g : genres) {
            z += mean("g:" + g);
        }
        return Math.max(-MAX_LOGIT, Math.min(MAX_LOGIT, z));
    }

    private double mean(String feature) {
        double[] x = weights.get(feature);
        return x == null ? 0 : x[0];
    }

    /**
     * How the session weighs a candidate with this ranker score, by these artists and genres: 0 when the session
     * dropped one of them.
     */
    double weigh(double rankerScore, List<String> artists, List<String> genres) {
        for (String a : artists) {
            if (droppedArtists.contains(a)) {
                return 0;
            }
        }
        for (String g : genres) {
            if (droppedGenres.contains(g)) {
                return 0;
            }
        }
        return Math.pow(rankerScore, RANKER_SHARE) * Math.exp(logit(artists, genres));
    }

    /** The exploration boost of a candidate reached from this seed song (1 when the seed is no positive of the session). */
    double exploreBoost(String seedId) {
        ListenerContext.Seed s = positives.get(seedId);
        return s == null ? 1 : s.weight();
    }

    /** The newest positives, to explore around. */
    List<ListenerContext.Seed> explorationSeeds() {
        List<ListenerContext.Seed> all = new ArrayList<>(positives.values());
        return List.copyOf(all.subList(Math.max(0, all.size() - EXPLORE_SEEDS), all.size()));
    }

    /** Artist names and genres the session steers away from, for the answer. */
    List<String> avoiding() {
        List<String> out = new ArrayList<>();
        droppedArtists.forEach(a -> out.add(artistNames.getOrDefault(a, a)));
        out.addAll(droppedGenres);
        return out;
    }
}
