package io.melograph.rank;

import io.melograph.events.ItemCatalog;

import java.util.List;

/**
 * The online ranker's feature set ({@link RankingFeatures}) for the harness's exposures: the same hashed features
 * the service learns from, built from the dataset (user and item ids, artists and genres from its triples, training
 * play counts, scene, hour, session position; no recall channels, which the data does not record).
 */
public final class HashedExposures {
    private final RankingFeatures features;
    private final List<String> userIds;
    private final ItemSideInfo items;
    private final ItemCatalog.SongFacts[] songs;

    public HashedExposures(int bits, List<String> userIds, ItemSideInfo items) {
        this.features = new RankingFeatures(new FeatureHasher(bits));
        this.userIds = userIds;
        this.items = items;
        this.songs = new ItemCatalog.SongFacts[items.size()];
        for (int i = 0; i < songs.length; i++) {
            songs[i] = new ItemCatalog.SongFacts(items.itemIds().get(i), items.artists().get(i), items.artists().get(i),
                    items.genres().get(i));
        }
    }

    public int buckets() {
        return features.hasher().buckets();
    }

    public int[] of(Exposure e) {
        return features.of(new ExposureFacts(userIds.get(e.user()), items.itemIds().get(e.item()), e.scene(), e.ts(),
                e.sessionPosition(), List.of(), items.plays()[e.item()], songs[e.item()]));
    }

    /** Indices of {@code data}'s exposures in time order (ties in their given order): the order an online learner sees. */
    public static Integer[] timeOrder(BehaviourData data) {
        Integer[] order = new Integer[data.exposures().length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingLong(k -> data.exposures()[k].ts()));
        return order;
    }
}
