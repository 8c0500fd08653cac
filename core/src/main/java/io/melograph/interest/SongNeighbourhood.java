package io.melograph.interest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Each song's graph neighbourhood as fixed-width rows the song tower attends over: the entities one hop away (its
 * artists, album, writers, tags ...) and two hops away through a non-song entity (its artists' genres), each with the
 * relation path that leads there ({@code by}, {@code by>genre}; {@code ~r} walks a relation backwards). Users and other
 * songs are left out: a song's vector must not depend on who played it, or a cold song would have nothing to go on.
 * At most {@code width} neighbours per song, the ones named most often first (a tag many listeners gave), then one hop
 * before two; two hops go through at most the first {@code width} facts of each entity, so a hub costs no more than
 * any other neighbour.
 */
public final class SongNeighbourhood {
    private final int width;
    private final int[] entity;
    private final int[] relation;
    private final int[] count;
    private final List<String> relations;
    private final int entities;
    private final List<String> entityIds;

    private SongNeighbourhood(int width, int[] entity, int[] relation, int[] count, List<String> relations, int entities,
                              List<String> entityIds) {
        this.width = width;
        this.entity = entity;
        this.relation = relation;
        this.count = count;
        this.relations = relations;
        this.entities = entities;
        this.entityIds = entityIds;
    }

    /** No graph: every song has an empty neighbourhood (the id-only tower). */
    public static SongNeighbourhood none(int songs) {
        return new SongNeighbourhood(1, new int[songs], new int[songs], new int[songs], List.of(), songs, List.of());
    }

    /** The neighbourhoods of the facts' songs, entities named by their ids (so a trained tower can be served by name). */
    public static SongNeighbourhood of(CatalogFacts facts, int width) {
        SongNeighbourhood n = of(facts.triples(), facts.songIds().size(), width);
        return new SongNeighbourhood(n.width, n.entity, n.relation, n.count, n.relations, n.entities, facts.entityIds());
    }

    public static SongNeighbourhood of(KnowledgeTriples graph, int songs, int width) {
        List<List<int[]>> edges = new ArrayList<>(); // per entity: {relation (negative = backwards), other}
        for (int e = 0; e < graph.entities(); e++) {
            edges.add(new ArrayList<>());
        }
        for (int k = 0; k < graph.size(); k++) {
            int h = graph.heads()[k];
            int t = graph.tails()[k];
            int r = graph.relationOf()[k];
            edges.get(h).add(new int[] {r + 1, t});
            edges.get(t).add(new int[] {-(r + 1), h});
        }
        Map<String, Integer> paths = new LinkedHashMap<>();
        int[][] onward = new int[graph.entities()][]; // per non-song entity: its non-song, non-user edges, once
        int[] entity = new int[songs * width];
        int[] relation = new int[songs * width];
        int[] count = new int[songs];
        for (int song = 0; song < songs && song < graph.entities(); song++) {
            // (path, entity) → how often named, in first-seen order; one hop first
            Map<Long, int[]> seen = new LinkedHashMap<>();
            for (int[] edge : edges.get(song)) {
                int other = edge[1];
                if (other < songs || graph.userOf(other) >= 0) {
                    continue;
                }
                int first = paths.computeIfAbsent(name(graph, edge[0]), p -> paths.size());
                seen.computeIfAbsent(((long) first << 32) | other, k -> new int[] {0, 1})[0]++;
                if (onward[other] == null) {
                    // a song keeps at most width neighbours and ties go to the first seen, so the first width edges
                    // of a hub (a genre named by thousands of artists) are all it could keep: the rest is not walked
                    onward[other] = edges.get(other).stream()
                            .filter(next -> next[1] >= songs && graph.userOf(next[1]) < 0)
                            .limit(width)
                            .flatMapToInt(next -> IntStream.of(next[0], next[1])).toArray();
                }
                for (int k = 0; k < onward[other].length; k += 2) {
                    String path = name(graph, edge[0]) + ">" + name(graph, onward[other][k]);
                    int two = paths.computeIfAbsent(path, p -> paths.size());
                    seen.computeIfAbsent(((long) two << 32) | onward[other][k + 1], x -> new int[] {0, 2})[0]++;
                }
            }
            List<Map.Entry<Long, int[]>> ranked = new ArrayList<>(seen.entrySet());
            ranked.sort((a, b) -> a.getValue()[1] != b.getValue()[1] ? Integer.compare(a.getValue()[1], b.getValue()[1])
                    : Integer.compare(b.getValue()[0], a.getValue()[0])); // stable: first seen among equals
            int n = Math.min(width, ranked.size());
            for (int k = 0; k < n; k++) {
                long key = ranked.get(k).getKey();
                relation[song * width + k] = (int) (key >>> 32);
                entity[song * width + k] = (int) key;
            }
            count[song] = n;
        }
        return new SongNeighbourhood(width, entity, relation, count, List.copyOf(paths.keySet()), graph.entities(), List.of());
    }

    private static String name(KnowledgeTriples graph, int signedRelation) {
        String r = graph.relations().get(Math.abs(signedRelation) - 1);
        return signedRelation > 0 ? r : "~" + r;
    }

    public int width() {
        return width;
    }

    /** Entity of the song's k-th neighbour (meaningful for k < {@link #count}). */
    public int entity(int song, int k) {
        return entity[song * width + k];
    }

    /** Relation path index of the song's k-th neighbour, into {@link #relations()}. */
    public int relation(int song, int k) {
        return relation[song * width + k];
    }

    /** The songs it has neighbourhoods for. */
    public int songs() {
        return count.length;
    }

    public int count(int song) {
        return count[song];
    }

    /** Relation path names, by index. */
    public List<String> relations() {
        return relations;
    }

    /** Entities the neighbours index into (songs included, so one table serves every index). */
    public int entities() {
        return entities;
    }

    /** The id of each entity by index, or none when the neighbourhood was built from unnamed triples. */
    public List<String> entityIds() {
        return entityIds;
    }

    public boolean empty() {
        return Arrays.stream(count).allMatch(c -> c == 0);
    }

    /** The relation paths and how many songs have at least one neighbour through each, for reports. */
    public Map<String, Integer> coverage() {
        Map<String, Integer> out = new HashMap<>();
        for (int song = 0; song < count.length; song++) {
            boolean[] has = new boolean[relations.size()];
            for (int k = 0; k < count[song]; k++) {
                has[relation(song, k)] = true;
            }
            for (int r = 0; r < has.length; r++) {
                if (has[r]) {
                    out.merge(relations.get(r), 1, Integer::sum);
                }
            }
        }
        return out;
    }
}
