package io.melograph.rank;

import io.melograph.interest.KnowledgeTriples;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the data says about each item (index {@code 0..I-1}) besides interactions: its artists and genres, from the
 * dataset's triples ({@code item performedBy artist}, {@code item hasGenre genre}; relation names compared without
 * case and underscores), and its play count in the training rows (popularity known before any test exposure).
 */
public record ItemSideInfo(List<String> itemIds, List<List<String>> artists, List<List<String>> genres, long[] plays) {

    public int size() {
        return itemIds.size();
    }

    /** Reads artists and genres off the triples; {@code entityIds} names the graph's entities (items first). */
    public static ItemSideInfo of(List<String> itemIds, KnowledgeTriples graph, List<String> entityIds, long[] plays) {
        int items = itemIds.size();
        List<List<String>> artists = new ArrayList<>(items);
        List<List<String>> genres = new ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            artists.add(new ArrayList<>(2));
            genres.add(new ArrayList<>(2));
        }
        int performedBy = relation(graph, "performedby");
        int hasGenre = relation(graph, "hasgenre");
        for (int k = 0; k < graph.size(); k++) {
            int head = graph.heads()[k];
            if (head >= items) {
                continue;
            }
            int rel = graph.relationOf()[k];
            if (rel == performedBy) {
                artists.get(head).add(entityIds.get(graph.tails()[k]));
            } else if (rel == hasGenre) {
                genres.get(head).add(entityIds.get(graph.tails()[k]));
            }
        }
        return new ItemSideInfo(itemIds, artists, genres, plays);
    }

    private static int relation(KnowledgeTriples graph, String name) {
        for (int r = 0; r < graph.relations().size(); r++) {
            if (graph.relations().get(r).replace("_", "").toLowerCase(Locale.ROOT).equals(name)) {
                return r;
            }
        }
        return -1;
    }
}
