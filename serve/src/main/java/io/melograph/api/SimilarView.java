package io.melograph.api;

import io.melograph.recall.Fusion;
import io.melograph.recall.RecallRunner;
import io.melograph.recall.RecallService;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * Items similar to one song or artist, channels merged: a candidate several channels found carries each channel's
 * reason and path (best first); {@code score} adds the channels' scores, each scaled to that channel's best.
 */
@Serdeable
record SimilarView(String id, String name, Map<String, String> channels, Map<String, Long> millis, List<Item> items) {

    @Serdeable
    record Item(String itemId, String itemType, String name, double score, List<String> channels, List<String> reasons,
                List<List<String>> paths) {}

    static SimilarView of(RecallService.Answer a, int limit) {
        RecallRunner.Result r = a.result();
        List<Item> items = a.merged(limit).stream().map(m ->
                new Item(m.itemId(), m.itemType(), m.name(), Math.round(m.score() * 1e4) / 1e4, m.channels(),
                        m.parts().stream().map(Fusion.Fused.Part::reason).toList(),
                        m.parts().stream().map(Fusion.Fused.Part::path).toList())).toList();
        return new SimilarView(a.id(), a.name(), r.status(), r.millis(), items);
    }
}
