package io.melograph.scene;

import io.melograph.events.ItemCatalog;
import io.melograph.events.SongPopularity;
import io.melograph.recall.Fusion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns fused candidates into the picks a scene answers: artists named, long tail marked, channel shares kept. */
public final class Picks {
    private final ItemCatalog catalog;
    private final SongPopularity popularity;

    public Picks(ItemCatalog catalog, SongPopularity popularity) {
        this.catalog = catalog;
        this.popularity = popularity;
    }

    public Pick of(Fusion.Fused f, double score, boolean familiar) {
        Map<String, Double> contributions = new LinkedHashMap<>();
        f.parts().forEach(p -> contributions.merge(p.channel(), round(p.contribution()), Double::sum));
        boolean song = f.itemType().equals("song");
        return new Pick(f.itemId(), f.itemType(), f.name(), song ? artistNames(f.itemId()) : List.of(), round(score),
                f.reason(), f.parts().stream().map(Fusion.Fused.Part::reason).toList(), f.channels(), contributions,
                f.parts().isEmpty() ? List.of() : f.parts().get(0).path(), song && popularity.isLongTail(f.itemId()), familiar);
    }

    /** The song's artists (ids), empty for songs the catalog does not know yet. */
    public List<String> artistIds(String songId) {
        ItemCatalog.SongFacts facts = catalog.song(songId);
        return facts == null ? List.of() : facts.artistIds();
    }

    public List<String> genres(String songId) {
        ItemCatalog.SongFacts facts = catalog.song(songId);
        return facts == null ? List.of() : facts.genres();
    }

    private List<String> artistNames(String songId) {
        ItemCatalog.SongFacts facts = catalog.song(songId);
        return facts == null ? List.of() : facts.artistNames();
    }

    /** The share of the picks that are {@code what} (long tail, familiar), 0 for no picks. */
    static double share(List<Pick> picks, java.util.function.Predicate<Pick> what) {
        return picks.isEmpty() ? 0 : picks.stream().filter(what).count() / (double) picks.size();
    }

    static double round(double x) {
        return Math.round(x * 1e4) / 1e4;
    }
}
