package io.melograph.interest;

import io.melograph.graph.CypherFile;
import io.melograph.graph.GraphConnection;
import io.melograph.util.IntList;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The songs an interest model knows and the catalog facts its song tower attends over, as dense indices: songs first
 * ({@code 0..songs-1}, in the order they were added), then the other entities. Read from the graph with
 * {@code cypher/train/song-facts.cypher}; the songs the journal names but the graph has no facts for are added too.
 */
public final class CatalogFacts {
    private final Map<String, Integer> songIndex = new LinkedHashMap<>();
    private final List<String[]> songFacts = new ArrayList<>(); // {song, relation, entity}
    private final List<String[]> entityFacts = new ArrayList<>(); // {entity, relation, entity}

    private KnowledgeTriples triples;
    private List<String> entityIds;

    /** Reads every song fact of the graph (one streaming read). */
    public static CatalogFacts read(GraphConnection graph) {
        return read(graph, CypherFile.load("train/song-facts.cypher").statement(), Map.of());
    }

    /**
     * The facts of the given songs only, with the same facts next to them a full {@link #read} gives (an album's
     * artist, an artist's genres, and what points at those): a song's neighbourhood from these is the one it has in the
     * whole catalog. For songs added after a model was trained.
     */
    public static CatalogFacts readSongs(GraphConnection graph, Collection<String> songIds) {
        return read(graph, CypherFile.load("train/song-facts-of.cypher").statement(), Map.of("ids", List.copyOf(songIds)));
    }

    private static CatalogFacts read(GraphConnection graph, String statement, Map<String, Object> parameters) {
        CatalogFacts facts = new CatalogFacts();
        try (Session s = graph.readSession()) { // streamed into collections: run once, never retried
            Result r = s.run(statement, parameters);
            while (r.hasNext()) {
                Record row = r.next();
                String head = row.get("head").asString();
                String relation = row.get("relation").asString();
                String tail = row.get("tail").asString();
                if (row.get("fromSong").asBoolean()) {
                    facts.songFact(head, relation, tail);
                } else {
                    facts.entityFact(head, relation, tail);
                }
            }
        }
        return facts;
    }

    /** A fact about a song (it becomes a known song). */
    public CatalogFacts songFact(String song, String relation, String entity) {
        song(song);
        triples = null;
        songFacts.add(new String[] {song, relation, entity});
        return this;
    }

    /** A fact about an entity next to songs (an album's artist, an artist's tag). */
    public CatalogFacts entityFact(String entity, String relation, String other) {
        triples = null;
        entityFacts.add(new String[] {entity, relation, other});
        return this;
    }

    /** Makes the song known (its index), facts or not. */
    public int song(String id) {
        return songIndex.computeIfAbsent(id, k -> {
            triples = null;
            return songIndex.size();
        });
    }

    public CatalogFacts songs(Collection<String> ids) {
        ids.forEach(this::song);
        return this;
    }

    /** The known songs' ids by index. */
    public List<String> songIds() {
        return List.copyOf(songIndex.keySet());
    }

    public Map<String, Integer> songIndex() {
        return songIndex;
    }

    /** The facts as triples: songs are entities {@code 0..songs-1}; facts about a song the graph calls something else too are kept. */
    public KnowledgeTriples triples() {
        index();
        return triples;
    }

    /** The id of each entity of {@link #triples()}, by index (songs first). */
    public List<String> entityIds() {
        index();
        return entityIds;
    }

    private void index() {
        if (triples != null) {
            return;
        }
        Map<String, Integer> entities = new LinkedHashMap<>(songIndex);
        Map<String, Integer> relations = new LinkedHashMap<>();
        IntList heads = new IntList();
        IntList relationOf = new IntList();
        IntList tails = new IntList();
        // in one order whatever order the graph gave them: a song's neighbourhood, ties at the width cut included, is
        // then the same from the whole catalog as from that song's facts alone
        Comparator<String[]> order = Comparator.<String[], String>comparing(f -> f[0]).thenComparing(f -> f[1]).thenComparing(f -> f[2]);
        for (List<String[]> facts : List.of(songFacts, entityFacts)) {
            for (String[] f : facts.stream().sorted(order).toList()) {
                heads.add(entities.computeIfAbsent(f[0], k -> entities.size()));
                relationOf.add(relations.computeIfAbsent(f[1], k -> relations.size()));
                tails.add(entities.computeIfAbsent(f[2], k -> entities.size()));
            }
        }
        entityIds = List.copyOf(entities.keySet());
        triples = new KnowledgeTriples(entities.size(), List.copyOf(relations.keySet()), heads.toArray(), relationOf.toArray(),
                tails.toArray());
    }
}
