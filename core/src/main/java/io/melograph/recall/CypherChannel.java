package io.melograph.recall;

import io.melograph.graph.CypherFile;
import io.melograph.graph.GraphConnection;
import io.melograph.neighbours.Neighbour;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.async.ResultCursor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A recall channel that is one Cypher file under {@code cypher/recall/}. The file gets the listener context as
 * parameters ({@code $songs}, {@code $artists} and {@code $watched} as lists of {id, weight}, {@code $user},
 * {@code $exclude}, {@code $limit}, {@code $fanout}) and returns rows {@code id, type, name, score, path, names,
 * support, detail}: the candidate, its score, the ids and names of the nodes on its best path (seed first), how many
 * paths found it, and a channel-specific detail for the sentence (the role of a person, a tag's kind, a count). The subclass
 * only turns a row into a sentence. The query runs in a read transaction with the budget as its timeout, and the
 * caller stops waiting when the budget is spent.
 */
public abstract class CypherChannel implements RecallChannel {
    /** Most neighbours taken at any one hop, so hub artists and giant tags cannot explode a query. */
    public static final int FANOUT = 50;

    /** One result row, as the reason templates see it (and as the neighbour store keeps it). */
    public record Row(String id, String name, double score, List<String> path, List<String> names, long support,
                         String detail, String type) {
        /** The name at a position of the path; negative positions count from the end. */
        public String name(int at) {
            return names.get(at < 0 ? names.size() + at : at);
        }
    }

    private final GraphConnection graph;
    private final String name;
    private final String description;
    private final String cypher;

    protected CypherChannel(GraphConnection graph, String name, String description, String file) {
        this.graph = graph;
        this.name = name;
        this.description = description;
        this.cypher = CypherFile.load("recall/" + file).statement();
    }

    /** The sentence saying why, from the row and what we know of the seeds. */
    protected abstract String reason(Row row, Seeds seeds);

    /** Whether this channel uses the listener (friends, watched videos) rather than only their seeds. */
    protected boolean needsUser() {
        return false;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public List<Candidate> recall(ListenerContext context, int limit, Duration budget) {
        Seeds seeds = new Seeds(context);
        return rows(context, limit, budget).stream().map(row -> candidate(row, seeds)).toList();
    }

    /** The query's rows for the context, best first: what {@link #recall} turns into candidates. */
    public List<Row> rows(ListenerContext context, int limit, Duration budget) {
        if (context.isEmpty() && !(needsUser() && context.userId() != null)) { // nothing to start from
            return List.of();
        }
        Map<String, Object> params = new HashMap<>();
        params.put("songs", seeds(context.songs()));
        params.put("artists", seeds(context.artists()));
        params.put("watched", seeds(context.watched()));
        params.put("user", context.userId());
        params.put("exclude", context.exclude());
        params.put("limit", limit);
        params.put("fanout", FANOUT);
        List<Row> out = new ArrayList<>();
        for (Record r : run(params, budget)) {
            out.add(new Row(r.get("id").asString(), text(r.get("name")), r.get("score").asDouble(),
                    r.get("path").asList(Value::asString), r.get("names").asList(v -> v.isNull() ? "?" : v.asString()),
                    r.get("support").asLong(1), text(r.get("detail")), r.get("type").asString()));
        }
        return out;
    }

    /** A row as a candidate of this channel, with its sentence for the listener whose seeds these are. */
    public Candidate candidate(Row row, Seeds seeds) {
        return new Candidate(row.id(), row.type(), row.name(), row.score(), name, reason(row, seeds), row.path());
    }

    /** For the neighbour store: the rows for the context's one seed as neighbours. */
    public List<Neighbour> neighbours(ListenerContext oneSeed, int limit, Duration budget) {
        return rows(oneSeed, limit, budget).stream().map(r -> new Neighbour(r.id(), r.type(), r.name(),
                r.score(), r.path(), r.names(), r.support(), r.detail())).toList();
    }

    /** Whether the query reads {@code $artists}. */
    public boolean readsArtistSeeds() {
        return cypher.contains("$artists");
    }

    /** Whether the query reads {@code $watched}. */
    public boolean readsWatchedSeeds() {
        return cypher.contains("$watched");
    }

    /** Stored neighbours told again with this channel's sentences for the context's seeds. */
    public List<Candidate> candidates(List<Neighbour> neighbours, ListenerContext context) {
        Seeds seeds = new Seeds(context);
        return neighbours.stream().map(n -> candidate(new Row(n.id(), n.name(), n.score(), n.path(), n.names(), n.support(),
                n.detail(), n.type()), seeds)).toList();
    }

    private List<Record> run(Map<String, Object> params, Duration budget) {
        return BudgetedRead.run(graph, name, budget, tx -> tx.runAsync(cypher, params).thenCompose(ResultCursor::listAsync));
    }

    private static List<Map<String, Object>> seeds(List<ListenerContext.Seed> seeds) {
        return seeds.stream().map(s -> Map.<String, Object>of("id", s.id(), "weight", s.weight())).toList();
    }

    private static String text(Value v) {
        return v == null || v.isNull() ? null : v.asString();
    }

    /** The listener's seeds by id, for "which you played 12 times". */
    public static final class Seeds {
        private final Map<String, ListenerContext.Seed> byId = new HashMap<>();

        public Seeds(ListenerContext context) {
            context.songs().forEach(s -> byId.put(s.id(), s));
            context.artists().forEach(s -> byId.put(s.id(), s));
            context.watched().forEach(s -> byId.put(s.id(), s));
        }

        /** ", which you played 12 times" when the listener played the seed, else "". */
        public String played(String id) {
            ListenerContext.Seed s = byId.get(id);
            if (s == null || s.plays() <= 0) {
                return "";
            }
            return s.plays() == 1 ? ", which you played once" : ", which you played " + s.plays() + " times";
        }
    }
}
