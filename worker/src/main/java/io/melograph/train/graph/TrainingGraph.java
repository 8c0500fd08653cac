package io.melograph.train.graph;

import io.melograph.graph.CypherFile;
import io.melograph.graph.GraphConnection;
import io.melograph.train.InteractionMatrix;
import io.melograph.interest.KnowledgeTriples;
import org.neo4j.driver.Session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Writes one training split into an (empty, scratch) graph in the served graph's model, so that the served embedding
 * code runs on it unchanged: {@code (User)-[:LISTENED {plays}]->(Artist)} for every training interaction,
 * {@code (Artist)-[:TAGGED {weight}]->(Tag)} for item–attribute triples (weight = how many triples link the pair) and
 * {@code (User)-[:FOLLOWS]->(User)} for user–user triples. Item–item and item–user triples have no counterpart and
 * are left out. Only the training matrix is written: held-out interactions never reach the graph.
 */
final class TrainingGraph {
    private static final int BATCH = 10_000;

    /** What was written. */
    record Written(int users, int items, int tags, long listened, long tagged, long follows) {}

    private TrainingGraph() {}

    static Written write(GraphConnection graph, InteractionMatrix train, KnowledgeTriples triples) {
        long[] tagPairs = attributePairs(triples, train.items());
        int[] tags = Arrays.stream(tagPairs).mapToInt(p -> (int) p).distinct().sorted().toArray();
        List<List<Object>> listened = new ArrayList<>();
        for (int u = 0; u < train.users(); u++) {
            int[] items = train.itemsOf(u);
            float[] plays = train.weightsOf(u);
            for (int k = 0; k < items.length; k++) {
                listened.add(List.of(u, items[k], (double) plays[k]));
            }
        }
        List<List<Object>> tagged = new ArrayList<>();
        for (int a = 0; a < tagPairs.length; ) {
            int b = a;
            while (b < tagPairs.length && tagPairs[b] == tagPairs[a]) {
                b++;
            }
            tagged.add(List.of((int) (tagPairs[a] >>> 32), (int) tagPairs[a], b - a));
            a = b;
        }
        List<List<Object>> follows = new ArrayList<>();
        int[][] friends = GraphLinks.usersLinkedFrom(triples, train.users());
        for (int u = 0; u < friends.length; u++) {
            for (int f : friends[u]) {
                follows.add(List.of(u, f));
            }
        }
        try (Session s = graph.session()) {
            for (String statement : CypherFile.load("embeddings/eval/schema.cypher").statements()) {
                s.run(statement).consume();
            }
            s.run("CALL db.awaitIndexes(300)").consume();
            s.run(CypherFile.load("embeddings/eval/nodes.cypher").statement(), Map.of(
                    "users", IntStream.range(0, train.users()).boxed().toList(),
                    "items", IntStream.range(0, train.items()).boxed().toList(),
                    "tags", Arrays.stream(tags).boxed().toList())).consume();
            inBatches(s, "embeddings/eval/listened.cypher", listened);
            inBatches(s, "embeddings/eval/tagged.cypher", tagged);
            inBatches(s, "embeddings/eval/follows.cypher", follows);
        }
        return new Written(train.users(), train.items(), tags.length, listened.size(), tagged.size(), follows.size());
    }

    private static void inBatches(Session s, String file, List<List<Object>> rows) {
        String statement = CypherFile.load(file).statement();
        for (int from = 0; from < rows.size(); from += BATCH) {
            s.run(statement, Map.of("rows", rows.subList(from, Math.min(rows.size(), from + BATCH)))).consume();
        }
    }

    /** (item, attribute) pairs packed in longs, one per triple (so repeats count), sorted. */
    private static long[] attributePairs(KnowledgeTriples g, int items) {
        long[] pairs = new long[g.size()];
        int n = 0;
        for (int k = 0; k < g.size(); k++) {
            int h = g.heads()[k];
            int t = g.tails()[k];
            if (h < items && t >= items && g.userOf(t) < 0) {
                pairs[n++] = ((long) h << 32) | t;
            } else if (t < items && h >= items && g.userOf(h) < 0) {
                pairs[n++] = ((long) t << 32) | h;
            }
        }
        long[] out = Arrays.copyOf(pairs, n);
        Arrays.sort(out);
        return out;
    }
}
