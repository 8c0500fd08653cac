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
 * One listener's Private FM session: what was played (no repeats), its pool of candidates and their refills, the
 * taste it learned from the listener's feedback ({@link SessionTaste}), and the liked and completed songs to explore
 * around (a like counts more). Not thread-safe: the scene locks it.
 */
final class FmSession {
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
    final SessionTaste taste = new SessionTaste();
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

    FmSession(String userId, long eventsSeen, long startedAt) {
        this.userId = userId;
        this.eventsSeen = eventsSeen;
        this.startedAt = startedAt;
        this.lastActive = startedAt;
    }

    /** What background recall reads of the session, copied so that it can run without the session's lock. */
    FmSession snapshot() {
        FmSession c = new FmSession(userId, eventsSeen, startedAt);
        c.adaptive = adaptive;
        c.position = position;
        c.lastActive = lastActive;
        c.served.addAll(served);
        c.disliked.addAll(disliked);
        c.positives.putAll(positives);
        c.liked.addAll(liked);
        return c;
    }

    /** Applies one feedback event on a song (its artists and genres from the catalog). */
    void feedback(Action action, String songId, String songName, List<String> artists, List<String> artistNameList, List<String> genres) {
        taste.feedback(action, artists, artistNameList, genres);
        switch (action) {
            case DISLIKE -> disliked.add(songId);
            case COMPLETE -> positive(songId, songName, COMPLETED_BOOST);
            case LIKE, SAVE -> {
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
}
