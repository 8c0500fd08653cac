package io.melograph.scene;

import io.melograph.graph.CypherFile;
import io.melograph.graph.GraphConnection;
import io.melograph.recall.ListenerProfiles;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

import java.util.List;
import java.util.Map;

/**
 * A cold listener's first choices: artists they follow and genres they prefer, written to the graph
 * ({@code FOLLOWS}, {@code PREFERS_GENRE}), and optionally their time zone (Daily's 06:00); scenes start from them
 * until the listener has history. The listener is created if new, but only when at least one choice is in the catalog
 * (a refused onboarding writes nothing). Ids the catalog does not have are reported back, not linked.
 */
public final class Onboarding {
    public static final int MAX_CHOICES = 50;

    /** What was linked, and what the catalog does not know. */
    public record Result(String userId, List<String> artists, List<String> genres, List<String> unknown, String timeZone) {}

    private final GraphConnection graph;
    private final ListenerProfiles profiles;
    private final String cypher = CypherFile.load("scene/onboarding.cypher").statement();

    /** @param profiles told when a listener's choices change (it may remember the old ones) */
    public Onboarding(GraphConnection graph, ListenerProfiles profiles) {
        this.graph = graph;
        this.profiles = profiles;
    }

    /** @param timeZone the listener's time zone (an IANA id, checked by the caller), or null to keep the profile's */
    public Result choose(String userId, List<String> artists, List<String> genres, String timeZone) {
        if (artists.size() + genres.size() == 0 || artists.size() + genres.size() > MAX_CHOICES) {
            throw new IllegalArgumentException("choose between 1 and " + MAX_CHOICES + " artists and genres");
        }
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("user", userId);
        params.put("artists", artists);
        params.put("genres", genres);
        params.put("timeZone", timeZone);
        try (Session s = graph.session()) {
            List<Record> rows = s.executeWrite(tx -> tx.run(cypher, params).list());
            profiles.forget(List.of(userId));
            if (rows.isEmpty()) {
                // none of the choices is in the catalog: nothing was written
                List<String> unknown = new java.util.ArrayList<>(artists);
                unknown.addAll(genres);
                return new Result(userId, List.of(), List.of(), unknown, null);
            }
            Record r = rows.get(0);
            List<String> linkedArtists = r.get("artists").asList(v -> v.asString());
            List<String> linkedGenres = r.get("genres").asList(v -> v.get("id").asString()).stream().distinct().toList();
            List<String> askedGenres = r.get("genres").asList(v -> v.get("asked").asString());
            List<String> unknown = new java.util.ArrayList<>();
            artists.stream().filter(a -> !linkedArtists.contains(a)).forEach(unknown::add);
            genres.stream().filter(g -> !askedGenres.contains(g)).forEach(unknown::add);
            return new Result(userId, linkedArtists, linkedGenres, unknown, r.get("timeZone").asString(null));
        }
    }
}
