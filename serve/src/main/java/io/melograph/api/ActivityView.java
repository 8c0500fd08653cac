package io.melograph.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A listener's live state: the newest actions, the current session and short-term affinities. */
@Serdeable
public record ActivityView(String userId, long events, @Nullable Session session, List<Item> recent,
                           List<Affinity> artists, List<Affinity> genres) {

    @Serdeable
    public record Session(int number, String start, String last, int plays, int completes, int skips, int likes) {}

    /** One action; title and artists when the catalog knows the item. */
    @Serdeable
    public record Item(String itemId, String itemType, @Nullable String title, List<String> artists, String action,
                       @Nullable String scene, String ts) {}

    @Serdeable
    public record Affinity(String id, @Nullable String name, double score) {}
}
