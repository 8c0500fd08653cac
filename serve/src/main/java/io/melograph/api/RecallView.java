package io.melograph.api;

import io.melograph.recall.Candidate;
import io.melograph.recall.ListenerContext;
import io.melograph.recall.RecallRunner;
import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A listener's recall, channel by channel: what each answered, how fast, and every candidate with its reason and path. */
@Serdeable
record RecallView(String userId, Map<String, String> channels, Map<String, Long> millis, Seeds seeds, List<Item> items) {

    @Serdeable
    record Seeds(List<Seed> songs, List<Seed> artists, List<Seed> watched, List<String> excluded) {}

    @Serdeable
    record Seed(String id, String name, double weight, long plays) {}

    @Serdeable
    record Item(String itemId, String itemType, String name, double score, String channel, String reason, List<String> path) {}

    static RecallView of(String userId, RecallRunner.Result r, ListenerContext ctx) {
        List<Item> items = new ArrayList<>();
        r.candidates().forEach((channel, list) -> list.forEach(c -> items.add(item(c))));
        return new RecallView(userId, r.status(), r.millis(),
                new Seeds(seeds(ctx.songs()), seeds(ctx.artists()), seeds(ctx.watched()), ctx.exclude()), items);
    }

    private static Item item(Candidate c) {
        return new Item(c.itemId(), c.itemType(), c.name(), Math.round(c.score() * 1e4) / 1e4, c.channel(), c.reason(), c.path());
    }

    private static List<Seed> seeds(List<ListenerContext.Seed> seeds) {
        return seeds.stream().map(s -> new Seed(s.id(), s.name(), Math.round(s.weight() * 1e4) / 1e4, s.plays())).toList();
    }
}
