package io.melograph.train.ranking;

import io.melograph.train.BehaviourData;
import io.melograph.train.Exposure;
import io.melograph.train.HashedExposures;
import io.melograph.train.ItemSideInfo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The deep rankers' categorical features as embedding rows: each song's first artist and up to {@value #GENRES}
 * genres or tags, the scene, the hour of day (UTC) and the session position; row 0 of each is "none" (no artist, an
 * unknown scene). Built from the training data only, so a scene or artist first seen in the test window is "none".
 * The wide part's features are the online ranker's hashed ones ({@link HashedExposures}: listener×artist,
 * listener×genre and the other crosses a linear model personalises with).
 */
public final class RankingVocabulary {
    public static final int GENRES = 3;
    public static final int HOURS = 24;
    /** Session positions 0..14, then 15 for "15 or later". */
    public static final int POSITIONS = 16;
    /** Hashed buckets of the wide part, as the offline logistic regression's. */
    public static final int WIDE_BITS = 20;

    private final int[] artistOf;
    private final int[][] genresOf;
    private final float[] popularity;
    private final Map<String, Integer> scenes;
    private final int artists;
    private final int genres;
    private final HashedExposures hashed;

    private RankingVocabulary(int[] artistOf, int[][] genresOf, float[] popularity, Map<String, Integer> scenes, int artists,
                              int genres, HashedExposures hashed) {
        this.artistOf = artistOf;
        this.genresOf = genresOf;
        this.popularity = popularity;
        this.scenes = scenes;
        this.artists = artists;
        this.genres = genres;
        this.hashed = hashed;
    }

    public static RankingVocabulary of(BehaviourData train) {
        ItemSideInfo side = train.items();
        Map<String, Integer> artistIds = new HashMap<>();
        Map<String, Integer> genreIds = new HashMap<>();
        int[] artistOf = new int[side.size()];
        int[][] genresOf = new int[side.size()][];
        float[] popularity = new float[side.size()];
        for (int i = 0; i < side.size(); i++) {
            List<String> a = side.artists().get(i);
            artistOf[i] = a.isEmpty() ? 0 : artistIds.computeIfAbsent(a.get(0), k -> artistIds.size() + 1);
            List<String> g = side.genres().get(i);
            genresOf[i] = g.stream().limit(GENRES).mapToInt(x -> genreIds.computeIfAbsent(x, k -> genreIds.size() + 1)).toArray();
            // log-scaled so one hit does not dominate the network's input
            popularity[i] = (float) (Math.log1p(side.plays()[i]) / 10);
        }
        Map<String, Integer> scenes = new HashMap<>();
        for (Exposure e : train.exposures()) {
            if (e.scene() != null) {
                scenes.computeIfAbsent(e.scene(), k -> scenes.size() + 1);
            }
        }
        return new RankingVocabulary(artistOf, genresOf, popularity, Map.copyOf(scenes), artistIds.size() + 1, genreIds.size() + 1,
                new HashedExposures(WIDE_BITS, train.userIds(), side));
    }

    public int items() {
        return artistOf.length;
    }

    public int artists() {
        return artists;
    }

    public int genres() {
        return genres;
    }

    public int scenes() {
        return scenes.size() + 1;
    }

    public int buckets() {
        return hashed.buckets();
    }

    int[] wide(Exposure e) {
        return hashed.of(e);
    }

    int artistOf(int item) {
        return artistOf[item];
    }

    int[] genresOf(int item) {
        return genresOf[item];
    }

    float popularity(int item) {
        return popularity[item];
    }

    int scene(String scene) {
        return scene == null ? 0 : scenes.getOrDefault(scene, 0);
    }

    static int hour(long ts) {
        return Instant.ofEpochMilli(ts).atZone(ZoneOffset.UTC).getHour();
    }

    static int position(int sessionPosition) {
        return Math.min(Math.max(sessionPosition, 0), POSITIONS - 1);
    }
}
