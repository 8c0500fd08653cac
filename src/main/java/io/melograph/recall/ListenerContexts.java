package io.melograph.recall;

import io.melograph.events.Action;
import io.melograph.events.ItemType;
import io.melograph.events.ListenerState;
import io.melograph.events.ListenerStates;
import io.melograph.graph.CypherFile;
import io.melograph.graph.GraphConnection;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a listener's recall context from both memories: long-term (aggregated LISTENED in the graph) and the live
 * session (the latest actions in {@link ListenerStates}, which count more: what they play now says most). Skipped and
 * disliked items of the session, and everything already heard in it, are excluded from recall.
 */
public final class ListenerContexts {
    /** Seeds kept per kind: enough to cover a taste, few enough to keep every channel fast. */
    public static final int SONG_SEEDS = 10;
    public static final int ARTIST_SEEDS = 5;
    /** Weight of a live-session action relative to the strongest long-term song. */
    private static final double SESSION_BOOST = 1.5;

    private final GraphConnection graph;
    private final ListenerStates live;
    private final String seedsCypher = CypherFile.load("recall/listener-seeds.cypher").statement();
    private final String namesCypher = CypherFile.load("recall/item-names.cypher").statement();

    public ListenerContexts(GraphConnection graph, ListenerStates live) {
        this.graph = graph;
        this.live = live;
    }

    /** The context, or empty when the graph does not know the listener and they have no live events either. */
    public Optional<ListenerContext> of(String userId) {
        Map<String, double[]> songs = new LinkedHashMap<>(); // id -> {fondness, plays}
        Map<String, double[]> artists = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        boolean known;
        try (Session s = graph.session()) {
            List<Record> rows = s.run(seedsCypher, Map.of("user", userId)).list();
            known = !rows.isEmpty();
            if (known) {
                read(rows.get(0).get("songs"), songs, names);
                read(rows.get(0).get("artists"), artists, names);
            }
        }
        Map<String, double[]> watched = new LinkedHashMap<>();
        Set<String> exclude = new LinkedHashSet<>();
        Optional<ListenerState> state = live.get(userId);
        if (state.isEmpty() && !known) {
            return Optional.empty();
        }
        state.ifPresent(st -> addSession(st, songs, watched, exclude));
        List<String> missing = new ArrayList<>();
        songs.keySet().stream().filter(id -> !names.containsKey(id)).forEach(missing::add);
        watched.keySet().stream().filter(id -> !names.containsKey(id)).forEach(missing::add);
        if (!missing.isEmpty()) {
            try (Session s = graph.session()) {
                s.run(namesCypher, Map.of("ids", missing)).forEachRemaining(r -> names.put(r.get("id").asString(), r.get("name").asString()));
            }
        }
        return Optional.of(new ListenerContext(userId, seeds(songs, names, SONG_SEEDS), seeds(artists, names, ARTIST_SEEDS),
                new ArrayList<>(exclude), seeds(watched, names, ARTIST_SEEDS)));
    }

    /** Session actions since its start: plays, completes and likes pull; skips and dislikes exclude the item. */
    private static void addSession(ListenerState st, Map<String, double[]> songs, Map<String, double[]> watched, Set<String> exclude) {
        long sessionStart = st.session() == null ? Long.MAX_VALUE : st.session().start();
        double top = songs.values().stream().mapToDouble(v -> v[0]).max().orElse(1.0);
        Set<String> refused = new LinkedHashSet<>();
        for (ListenerState.Recent r : st.recent(ListenerState.RECENT)) {
            if (r.ts() < sessionStart) {
                break; // newest first: the rest is older than this session
            }
            if (r.itemType() == ItemType.SONG && r.action() != Action.IMPRESSION && r.action() != Action.CLICK) {
                exclude.add(r.itemId()); // heard (or refused) in this session: do not offer it again now
            }
            double w = switch (r.action()) {
                case COMPLETE -> 1.0;
                case LIKE, SAVE, SHARE -> 2.0;
                case PLAY -> 0.3;
                default -> 0;
            };
            if (w > 0) {
                Map<String, double[]> target = r.itemType() == ItemType.SONG ? songs : r.itemType() == ItemType.PLAYLIST ? null : watched;
                if (target != null) {
                    target.computeIfAbsent(r.itemId(), k -> new double[2])[0] += w * SESSION_BOOST * top;
                }
            }
            if (r.action() == Action.SKIP || r.action() == Action.DISLIKE) {
                refused.add(r.itemId());
            }
        }
        songs.keySet().removeAll(refused); // a song skipped now is no seed, whatever its past
    }

    private static void read(Value list, Map<String, double[]> into, Map<String, String> names) {
        for (Value v : list.values()) {
            String id = v.get("id").asString();
            into.put(id, new double[] {v.get("fondness").asDouble(), v.get("plays").asLong()});
            names.put(id, v.get("name").isNull() ? id : v.get("name").asString());
        }
    }

    /** The strongest {@code n}, weights scaled so the strongest is 1. */
    private static List<ListenerContext.Seed> seeds(Map<String, double[]> m, Map<String, String> names, int n) {
        List<Map.Entry<String, double[]>> top = m.entrySet().stream().filter(e -> e.getValue()[0] > 0)
                .sorted(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> -e.getValue()[0]).thenComparing(Map.Entry::getKey))
                .limit(n).toList();
        double max = top.isEmpty() ? 1 : top.get(0).getValue()[0];
        return top.stream().map(e -> new ListenerContext.Seed(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()),
                e.getValue()[0] / max, (long) e.getValue()[1])).toList();
    }
}
