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
 * <li>A taste of the session, learned online: a logistic model over the song's artists and genres/tags, fitted to
 * this session's completes and likes (1) against its skips and dislikes (0). A candidate's weight is
 * {@code exp(sum of its features' weights)}, so a skip lowers the skipped song's artist and genres and a complete
 * lifts them, and what the model learned carries to songs of other artists in the same genres.</li>
 * <li>Hard rules on top, which the answer reports as "avoiding": two skips of an artist (or one dislike) drop the
 * artist for the session; three skips touching a genre that nothing completed in this session drop the genre.</li>
 * <li>A like or a complete makes the song a seed to explore around (a like counts more).</li>
 * </ul>
 * Not thread-safe: the scene locks it.
 */
final class FmSession {
    static final int ARTIST_SKIPS_TO_DROP = 2;
    static final int GENRE_SKIPS_TO_DROP = 3;
    /** Step size of the session's taste model: one skip of a one-artist song at p = 0.5 weighs its artist ×0.6. */
    static final double LEARNING_RATE = 1.0;
    /** The model's say on a candidate is bounded (e^±3), so the ranker still orders what the session knows nothing of. */
    static final double MAX_LOGIT = 3.0;
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
    /** The session's taste model: a weight per artist and per genre or tag, and its bias. */
    final Map<String, Double> artistWeights = new HashMap<>();
    final Map<String, Double> genreWeights = new HashMap<>();
    double bias;
    final Map<String, Integer> artistSkips = new HashMap<>();
    final Map<String, Integer> genreSkips = new HashMap<>();
    final Set<String> genresCompleted = new HashSet<>();
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
                learn(artists, genres, 0, 1);
                for (String a : artists) {
                    if (artistSkips.merge(a, 1, Integer::sum) >= ARTIST_SKIPS_TO_DROP) {
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
                learn(artists, genres, 0, 2);
                disliked.add(songId);
                droppedArtists.addAll(artists);
            }
            case COMPLETE -> {
                learn(artists, genres, 1, 1);
                genresCompleted.addAll(genres);
                genres.forEach(droppedGenres::remove);
                positive(songId, songName, COMPLETED_BOOST);
            }
            case LIKE, SAVE -> {
                learn(artists, genres, 1, 2);
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

    /** One step of logistic regression on this song's features towards {@code label}. */
    private void learn(List<String> artists, List<String> genres, double label, double importance) {
        double step = LEARNING_RATE * importance * (label - 1 / (1 + Math.exp(-(bias + logit(artists, genres)))));
        bias += step * 0.5; // the session's base rate, so features learn what sets a song apart from it
        artists.forEach(a -> artistWeights.merge(a, step, Double::sum));
        double g = genreValue(genres);
        genres.forEach(name -> genreWeights.merge(name, step * g, Double::sum));
    }

    /** The features' part of the model's logit: artists count fully, a song's genres and tags share one unit. */
    private double logit(List<String> artists, List<String> genres) {
        double z = 0;
        for (String a : artists) {
            z += artistWeights.getOrDefault(a, 0.0);
        }
        double g = genreValue(genres);
        for (String name : genres) {
            z += genreWeights.getOrDefault(name, 0.0) * g;
        }
        return z;
    }

    /** A song's genres and tags together weigh about one artist: many tags should not outweigh the artist. */
    private static double genreValue(List<String> genres) {
        return genres.isEmpty() ? 0 : 1 / Math.sqrt(genres.size());
    }

    /** How feedback weighs a candidate by these artists and genres; 0 when the session dropped one of them. */
    double multiplier(List<String> artists, List<String> genres) {
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
        return Math.exp(Math.max(-MAX_LOGIT, Math.min(MAX_LOGIT, logit(artists, genres))));
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
