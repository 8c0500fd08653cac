package io.melograph.scene;

import io.melograph.events.Action;
import io.melograph.events.ItemType;
import io.melograph.events.ListenerState;
import io.melograph.events.ListenerStates;
import io.melograph.graph.CypherFile;
import io.melograph.graph.GraphConnection;
import io.melograph.recall.ListenerContext;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a scene knows of a listener besides recall's seeds: the songs they heard (familiar), how fond they are of each,
 * what they disliked (never offered again; a later like lifts it), and their onboarding choices as artist seeds.
 * Long-term history from the graph, the latest likes and dislikes from live state (not yet aggregated).
 */
public final class ListenerHistory {

    /** A heard song and how fond of it the listener is (plays, completes and likes up, skips down). */
    public record Heard(String id, String name, long plays, double fondness) {}

    /** @param timeZone the profile's time zone id, or null */
    public record Facts(Map<String, Heard> heard, Set<String> disliked, List<ListenerContext.Seed> onboardingArtists, String timeZone) {
        public boolean cold() {
            return heard.isEmpty();
        }
    }

    private final GraphConnection graph;
    private final ListenerStates live;
    private final String cypher = CypherFile.load("scene/listener-history.cypher").statement();
    private final String timeZoneCypher = CypherFile.load("scene/listener-time-zone.cypher").statement();

    public ListenerHistory(GraphConnection graph, ListenerStates live) {
        this.graph = graph;
        this.live = live;
    }

    /** The time zone of the listener's profile, if they set one. */
    public Optional<String> timeZone(String userId) {
        try (Session s = graph.session()) {
            List<Record> rows = s.run(timeZoneCypher, Map.of("user", userId)).list();
            return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0).get("tz").asString(null));
        }
    }

    /** Empty when the graph does not know the listener and they have no live events. */
    public Optional<Facts> of(String userId) {
        Map<String, Heard> heard = new LinkedHashMap<>();
        Set<String> disliked = new HashSet<>();
        List<ListenerContext.Seed> onboarding = new ArrayList<>();
        boolean known;
        String timeZone = null;
        try (Session s = graph.session()) {
            List<Record> rows = s.run(cypher, Map.of("user", userId)).list();
            known = !rows.isEmpty();
            if (known) {
                Record r = rows.get(0);
                timeZone = r.get("timeZone").asString(null);
                for (Value v : r.get("songs").values()) {
                    String id = v.get("id").asString();
                    heard.put(id, new Heard(id, v.get("name").asString(id), v.get("plays").asLong(), v.get("fondness").asDouble()));
                    if (v.get("disliked").asBoolean()) {
                        disliked.add(id);
                    }
                }
                Set<String> seen = new HashSet<>();
                for (Value v : r.get("followed").values()) {
                    if (seen.add(v.get("id").asString())) {
                        onboarding.add(new ListenerContext.Seed(v.get("id").asString(), v.get("name").asString(""), 1.0, 0));
                    }
                }
                for (Value v : r.get("genreArtists").values()) {
                    if (seen.add(v.get("id").asString())) {
                        onboarding.add(new ListenerContext.Seed(v.get("id").asString(), v.get("name").asString(""), 0.5, 0));
                    }
                }
            }
        }
        Optional<ListenerState> state = live.get(userId);
        if (!known && state.isEmpty()) {
            return Optional.empty();
        }
        state.ifPresent(st -> {
            // newest first: the latest word on a song wins
            Set<String> decided = new HashSet<>();
            for (ListenerState.Recent e : st.recent(ListenerState.RECENT)) {
                if (e.itemType() != ItemType.SONG || !decided.add(e.itemId())) {
                    continue;
                }
                if (e.action() == Action.DISLIKE) {
                    disliked.add(e.itemId());
                } else if (e.action() == Action.LIKE) {
                    disliked.remove(e.itemId());
                } else {
                    decided.remove(e.itemId());
                }
            }
        });
        return Optional.of(new Facts(heard, disliked, onboarding, timeZone));
    }
}
