package io.melograph.rank.deep;

import io.melograph.rank.BehaviourData;
import io.melograph.rank.Exposure;
import io.melograph.rank.HashedExposures;
import io.melograph.rank.ItemSideInfo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
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
    private final List<String> userIds;
    private final ItemSideInfo side;

    private RankingVocabulary(int[] artistOf, int[][] genresOf, float[] popularity, Map<String, Integer> scenes, int artists,
                              int genres, HashedExposures hashed, List<String> userIds, ItemSideInfo side) {
        this.artistOf = artistOf;
        this.genresOf = genresOf;
        this.popularity = popularity;
        this.scenes = scenes;
        this.artists = artists;
        this.genres = genres;
        this.hashed = hashed;
        this.userIds = userIds;
        this.side = side;
    }

    public static RankingVocabulary of(BehaviourData train) {
        List<String> scenes = new ArrayList<>();
        for (Exposure e : train.exposures()) {
            if (e.scene() != null && !scenes.contains(e.scene())) {
                scenes.add(e.scene());
            }
        }
        return of(train.userIds(), train.items(), scenes);
    }

    /** The vocabulary of these listeners, songs and scenes (in this order): the same every time for the same three. */
    static RankingVocabulary of(List<String> userIds, ItemSideInfo side, List<String> sceneNames) {
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
        for (String scene : sceneNames) {
            scenes.put(scene, scenes.size() + 1);
        }
        return new RankingVocabulary(artistOf, genresOf, popularity, Map.copyOf(scenes), artistIds.size() + 1, genreIds.size() + 1,
                new HashedExposures(WIDE_BITS, userIds, side), List.copyOf(userIds), side);
    }

    List<String> userIds() {
        return userIds;
    }

    ItemSideInfo side() {
        return side;
    }

    /** The scenes in the order of their rows (row k + 1 is the k-th). */
    List<String> sceneNames() {
        List<String> names = new ArrayList<>(scenes.keySet());
        names.sort(Comparator.comparingInt(scenes::get));
        return names;
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
