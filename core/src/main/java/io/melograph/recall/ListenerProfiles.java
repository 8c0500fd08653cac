package io.melograph.recall;

import io.melograph.events.Action;
import io.melograph.events.ActionWeights;
import io.melograph.events.ItemType;
import io.melograph.events.ListenerState;
import io.melograph.events.ListenerStates;
import io.melograph.graph.CypherFile;
import io.melograph.graph.GraphConnection;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a {@link ListenerProfile} from both memories in one graph query: long-term history (aggregated LISTENED,
 * onboarding choices, time zone) and the live session (the latest actions in {@link ListenerStates}, not yet
 * aggregated, which count more: what they play now says most). Every action is weighed by {@link ActionWeights}.
 * In the service the graph's part is remembered per listener ({@link ListenerMemory}), so a listener's requests after
 * the first ask the graph nothing until their aggregated history changes.
 */
public final class ListenerProfiles {
    /** Seeds kept per kind: enough to cover a taste, few enough to keep every channel fast. */
    public static final int SONG_SEEDS = 10;
    public static final int ARTIST_SEEDS = 5;
    /** Weight of a live-session action relative to the strongest long-term song. */
    private static final double SESSION_BOOST = 1.5;

    private final GraphConnection graph;
    private final ListenerStates live;
    private final ListenerMemory<LongTerm> memory;
    /** Reads profiles aside, when {@link #keepCurrent} was asked. */
    private volatile ProfileKeeper keeper;
    private final String profileCypher = CypherFile.load("recall/listener-profile.cypher").statement();
    private final String namesCypher = CypherFile.load("recall/item-names.cypher").statement();
    private final String timeZoneCypher = CypherFile.load("recall/listener-time-zone.cypher").statement();

    /**
     * What the graph knows of a listener (empty when it does not know them; no time zone: null): kept in
     * {@link ListenerMemory} and shared between requests, so never changed.
     */
    private record LongTerm(boolean known, Map<String, ListenerProfile.Heard> heard, Set<String> disliked,
                            Map<String, double[]> artists, Map<String, String> names,
                            List<ListenerContext.Seed> onboarding, String timeZone, List<String> ownPlaylists) {}

    private static final LongTerm UNKNOWN = new LongTerm(false, Map.of(), Set.of(), Map.of(), Map.of(), List.of(), null, List.of());

    /** Reads the graph on every request. */
    public ListenerProfiles(GraphConnection graph, ListenerStates live) {
        this.graph = graph;
        this.live = live;
        this.memory = ListenerMemory.none();
    }

    /**
     * Remembers what the graph said of listeners, up to {@code songs} heard songs and artists in all (a few hundred
     * bytes each), until {@link #forget} or {@code ttl}.
     */
    public ListenerProfiles(GraphConnection graph, ListenerStates live, long songs, Duration ttl) {
        this.graph = graph;
        this.live = live;
        this.memory = new ListenerMemory<>(songs, ttl.toMillis(), t -> t.heard().size() + t.artists().size(), System::currentTimeMillis);
    }

    /** These listeners' graph data changed (onboarding): their next profile reads it again. */
    public void forget(Collection<String> userIds) {
        memory.forget(userIds);
    }

    /**
     * The aggregation folded these listeners' events into the graph: a remembered profile keeps answering (the live
     * state holds those events) and is read again in the background when next asked for, at most once per
     * {@code refresh} of {@link #keepCurrent}; without a background reader, they are forgotten.
     */
    public void aggregated(Collection<String> userIds) {
        if (keeper == null) {
            memory.forget(userIds);
        } else {
            memory.expire(userIds);
        }
    }

    /**
     * Reads profiles in the background from now on: a remembered profile the aggregation changed or that grew old is
     * read again once asked for (and answers as it was meanwhile), a listener at most once per {@code refresh}; and
     * first the {@code preload} most recently active listeners of the live state, so that even their first request
     * reads no graph. Stopped by {@link #close}.
     *
     * @param ready returns once the live state is rebuilt (run on the background reader's thread)
     */
    public synchronized void keepCurrent(int preload, Duration refresh, Runnable ready) {
        if (keeper != null) {
            return;
        }
        keeper = new ProfileKeeper(ids -> memory.readAll(ids, this::readAll), () -> {
            ready.run();
            return live.all().stream().sorted(Comparator.comparingLong(ListenerState::newest).reversed())
                    .limit(preload).map(ListenerState::userId).toList();
        }, refresh.toMillis());
    }

    /** Whether the listener's graph part is held in memory (fresh or being read again). */
    public boolean remembers(String userId) {
        return memory.holds(userId);
    }

    /** Stops the background reader, if any. */
    public void close() {
        ProfileKeeper k = keeper;
        if (k != null) {
            k.close();
        }
    }

    /** Anybody's may have (an import): every profile is read again. */
    public void forgetAll() {
        memory.forgetAll();
    }

    /** The time zone of the listener's profile alone (cheap; Daily reads it to know the listener's day). */
    public Optional<String> timeZone(String userId) {
        LongTerm remembered = memory.stale(userId); // a time zone changes by onboarding alone, which forgets
        if (remembered != null) {
            return Optional.ofNullable(remembered.timeZone());
        }
        List<Record> rows = graph.read(tx -> tx.run(timeZoneCypher, Map.of("user", userId)).list());
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0).get("tz").asString(null));
    }

    /** The profile, or empty when the graph does not know the listener and they have no live events either. */
    public Optional<ListenerProfile> of(String userId) {
        LongTerm graphPart = memory.peek(userId);
        if (graphPart == null && keeper != null && (graphPart = memory.stale(userId)) != null) {
            keeper.add(List.of(userId)); // changed since read (aggregated events the live state still holds): read again aside
        }
        if (graphPart == null) {
            graphPart = memory.get(userId, this::read);
        }
        Optional<ListenerState> state = live.get(userId);
        if (state.isEmpty() && !graphPart.known()) {
            return Optional.empty();
        }
        Set<String> disliked = new HashSet<>(graphPart.disliked());
        Map<String, double[]> songs = new LinkedHashMap<>();
        graphPart.heard().values().forEach(h -> songs.put(h.id(), new double[] {h.fondness(), h.plays()}));
        Map<String, double[]> watched = new LinkedHashMap<>();
        Set<String> sessionHeard = new LinkedHashSet<>();
        state.ifPresent(st -> {
            latestWord(st, disliked);
            addSession(st, songs, watched, sessionHeard);
        });
        Map<String, String> known = graphPart.names(); // remembered: read, never copied per request
        Map<String, String> more = namesMissing(songs, watched, known);
        Function<String, String> names = id -> known.getOrDefault(id, more.getOrDefault(id, id));
        return Optional.of(new ListenerProfile(userId, graphPart.heard(), disliked, seeds(songs, names, SONG_SEEDS),
                seeds(graphPart.artists(), names, ARTIST_SEEDS), seeds(watched, names, ARTIST_SEEDS), new ArrayList<>(sessionHeard),
                graphPart.onboarding(), graphPart.timeZone(), graphPart.ownPlaylists()));
    }

    /** The long-term part, in one query. */
    private LongTerm read(String userId) {
        return readAll(List.of(userId)).getOrDefault(userId, UNKNOWN);
    }

    /** The long-term part of each listener the graph knows, in one query. */
    private Map<String, LongTerm> readAll(List<String> userIds) {
        Map<String, LongTerm> out = new HashMap<>();
        for (Record r : graph.read(tx -> tx.run(profileCypher, Map.of("users", userIds)).list())) {
            out.put(r.get("user").asString(), longTerm(r));
        }
        return out;
    }

    private static LongTerm longTerm(Record r) {
        Map<String, ListenerProfile.Heard> heard = new LinkedHashMap<>();
        Set<String> disliked = new HashSet<>();
        Map<String, double[]> artists = new LinkedHashMap<>(); // id -> {fondness, plays}
        Map<String, String> names = new HashMap<>();
        List<ListenerContext.Seed> onboarding = new ArrayList<>();
        readSongs(r.get("songs"), heard, disliked);
        for (Value v : r.get("artists").values()) {
            long plays = v.get("plays").asLong();
            artists.put(v.get("id").asString(), new double[] {Math.log(1 + plays), plays});
            names.put(v.get("id").asString(), v.get("name").asString(v.get("id").asString()));
        }
        readOnboarding(r, onboarding);
        heard.values().forEach(h -> names.put(h.id(), h.name()));
        return new LongTerm(true, Map.copyOf(heard), Set.copyOf(disliked), Collections.unmodifiableMap(artists), Map.copyOf(names),
                List.copyOf(onboarding), r.get("timeZone").asString(null), r.get("created").asList(Value::asString));
    }

    private static void readSongs(Value list, Map<String, ListenerProfile.Heard> heard, Set<String> disliked) {
        for (Value v : list.values()) {
            String id = v.get("id").asString();
            long plays = v.get("plays").asLong();
            double fondness = ActionWeights.fondness(plays, v.get("completes").asLong(), v.get("likes").asLong(), v.get("skips").asLong());
            heard.put(id, new ListenerProfile.Heard(id, v.get("name").asString(id), plays, fondness));
            if (v.get("disliked").asBoolean()) {
                disliked.add(id);
            }
        }
    }

    /** Artists they follow (weight 1), then the best-known artists of the genres they prefer (0.5). */
    private static void readOnboarding(Record r, List<ListenerContext.Seed> onboarding) {
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

    /** Likes and dislikes not yet aggregated: newest first, the latest word on a song wins. */
    private static void latestWord(ListenerState st, Set<String> disliked) {
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
    }

    /**
     * The session's actions since its start: what pulls (by its weight) becomes a seed, boosted; every song heard or
     * refused in it is left out for now, and a song refused now is no seed, whatever its past.
     */
    private static void addSession(ListenerState st, Map<String, double[]> songs, Map<String, double[]> watched, Set<String> sessionHeard) {
        long sessionStart = st.session() == null ? Long.MAX_VALUE : st.session().start();
        double top = songs.values().stream().mapToDouble(v -> v[0]).max().orElse(1.0);
        Set<String> refused = new LinkedHashSet<>();
        for (ListenerState.Recent r : st.recent(ListenerState.RECENT)) {
            if (r.ts() < sessionStart) {
                break; // newest first: the rest is older than this session
            }
            if (r.itemType() == ItemType.SONG && r.action() != Action.IMPRESSION && r.action() != Action.CLICK) {
                sessionHeard.add(r.itemId());
            }
            double w = ActionWeights.of(r.action());
            Map<String, double[]> target = r.itemType() == ItemType.SONG ? songs : r.itemType() == ItemType.PLAYLIST ? null : watched;
            if (w > 0 && target != null) {
                target.computeIfAbsent(r.itemId(), k -> new double[2])[0] += w * SESSION_BOOST * top;
            }
            if (ActionWeights.refuses(r.action())) {
                refused.add(r.itemId());
            }
        }
        songs.keySet().removeAll(refused);
    }

    /** Names of session items the long-term history did not bring ({@code known}). */
    private Map<String, String> namesMissing(Map<String, double[]> songs, Map<String, double[]> watched, Map<String, String> known) {
        List<String> missing = new ArrayList<>();
        songs.keySet().stream().filter(id -> !known.containsKey(id)).forEach(missing::add);
        watched.keySet().stream().filter(id -> !known.containsKey(id)).forEach(missing::add);
        Map<String, String> names = new HashMap<>();
        if (!missing.isEmpty()) {
            graph.read(tx -> tx.run(namesCypher, Map.of("ids", missing)).list())
                    .forEach(r -> names.put(r.get("id").asString(), r.get("name").asString()));
        }
        return names;
    }

    /** The strongest {@code n} with a positive weight, scaled so the strongest is 1. */
    private static List<ListenerContext.Seed> seeds(Map<String, double[]> m, Function<String, String> names, int n) {
        List<Map.Entry<String, double[]>> top = m.entrySet().stream().filter(e -> e.getValue()[0] > 0)
                .sorted(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> -e.getValue()[0]).thenComparing(Map.Entry::getKey))
                .limit(n).toList();
        double max = top.isEmpty() ? 1 : top.get(0).getValue()[0];
        return top.stream().map(e -> new ListenerContext.Seed(e.getKey(), names.apply(e.getKey()),
                e.getValue()[0] / max, (long) e.getValue()[1])).toList();
    }
}
